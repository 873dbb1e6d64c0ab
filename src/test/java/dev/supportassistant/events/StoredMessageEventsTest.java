package dev.supportassistant.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.supportassistant.ApiTest;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.MessageStored;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversation module announces each stored message and the live updates store its event: in
 * the message's own transaction, so the event exists exactly when the message does.
 */
class StoredMessageEventsTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Conversations conversations;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private ApplicationEventPublisher publisher;

    private static ChatMessage customerMessage() {
        return ChatMessage.newMessage("The export never finishes",
                MessageMetadata.CustomerMessage.scored(0.4, List.of(), "tone", "friendly"));
    }

    @Test
    void aStoredMessageHasItsEventForStaffAndForTheCustomer() {
        Conversation conversation = Conversation.start("events", null);
        ChatMessage message = customerMessage();

        conversations.create(conversation, message);

        List<Map<String, Object>> events = events(conversation.id());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type")).isEqualTo(ConversationEvents.MESSAGE);
        JsonNode staff = JSON.readTree((String) events.get(0).get("data"));
        assertThat(staff.propertyNames()).containsExactlyInAnyOrder("conversation_id", "message");
        assertThat(staff.get("conversation_id").asString()).isEqualTo(conversation.id());
        assertThat(staff.get("message").get("id").asString()).isEqualTo(message.id());
        assertThat(staff.get("message").get("metadata").get("experiment").asString()).isEqualTo("tone");
        JsonNode customer = JSON.readTree((String) events.get(0).get("customer_data"));
        assertThat(customer.get("message").get("id").asString()).isEqualTo(message.id());
        assertThat(customer.get("message").get("metadata").has("experiment")).isFalse();
    }

    @Test
    void aMessageRolledBackLeavesNoEventBehind() {
        Conversation conversation = Conversation.start("events", null);

        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            conversations.create(conversation, customerMessage());
            assertThat(events(conversation.id())).hasSize(1);
            transaction.setRollbackOnly();
        });

        assertThat(conversations.find(conversation.id())).isEmpty();
        assertThat(events(conversation.id())).isEmpty();
    }

    @Test
    void noEventIsStoredOutsideTheTransactionOfAStoredMessage() {
        assertThatThrownBy(() -> publisher.publishEvent(new MessageStored("no-such-conversation", customerMessage())))
                .isInstanceOf(IllegalTransactionStateException.class);

        assertThat(events("no-such-conversation")).isEmpty();
    }

    private List<Map<String, Object>> events(String conversationId) {
        return jdbc.sql("SELECT type, data, customer_data FROM conversation_events WHERE conversation_id = :id")
                .param("id", conversationId).query().listOfRows();
    }
}
