package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiTest;
import dev.supportassistant.platform.database.GroupCommit;
import dev.supportassistant.privacy.PersonalData;
import dev.supportassistant.privacy.PrivacySettings;

/**
 * {@code PII_STORE_MASKED=true}: the database keeps only the masked text, so the message, its live
 * event and what the support desk shows hold no value. A store set so, on the shared service's
 * database, rather than another application context for one setting.
 */
class StoredMaskedTest extends ApiTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private MessageRows rows;
    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private GroupCommit commits;

    @Test
    void withStoreMaskedOnlyTheMaskedTextIsKeptAndTheDeskShowsIt() {
        ConversationStore masked = new ConversationStore(jdbc, rows, events, commits,
                new PersonalData(new PrivacySettings(true, true, "US")));
        Conversation conversation = Conversation.start("store-masked", null);
        String written = "Card 4111 1111 1111 1111, mail jane.doe@example.com, call (415) 555-2671, "
                + "IBAN DE89 3704 0044 0532 0130 00, my password is hunter2";

        masked.create(conversation, ChatMessage.newMessage(written,
                MessageMetadata.CustomerMessage.scored(0.1, List.of(), null, null)));

        String expected = "Card •••• 1111, mail [EMAIL], call [PHONE], IBAN [IBAN], my password is ••••••";
        assertThat(jdbc.sql("SELECT content FROM messages WHERE conversation_id = :id").param("id", conversation.id())
                .query(String.class).single()).isEqualTo(expected);
        String stored = jdbc.sql("SELECT data FROM conversation_events WHERE conversation_id = :id")
                .param("id", conversation.id()).query(String.class).list() + " "
                + api.asAdmin().get("/api/v1/desk/conversations/" + conversation.id()).body();
        assertThat(stored).contains("[EMAIL]").doesNotContain("4111 1111", "jane.doe", "555-2671", "DE89", "hunter2");
    }

    @Test
    void withStoreMaskedAStaffNoteIsKeptMaskedToo() {
        PersonalData maskedData = new PersonalData(new PrivacySettings(true, true, "US"));
        ConversationStore masked = new ConversationStore(jdbc, rows, events, commits, maskedData);
        Conversation conversation = Conversation.start("store-masked-note", null);
        masked.create(conversation, ChatMessage.newMessage("Hello",
                MessageMetadata.CustomerMessage.scored(0.1, List.of(), null, null)));

        StaffNote note = new StaffNotes(jdbc, masked, maskedData).add(conversation.id(), "bob",
                "Called them back on (415) 555-2671, card 4111 1111 1111 1111");

        assertThat(note.content()).isEqualTo("Called them back on [PHONE], card •••• 1111");
        assertThat(jdbc.sql("SELECT content FROM staff_notes WHERE conversation_id = :id")
                .param("id", conversation.id()).query(String.class).single()).isEqualTo(note.content());
    }
}
