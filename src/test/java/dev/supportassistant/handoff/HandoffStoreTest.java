package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import dev.supportassistant.ApiTest;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;

/**
 * Handoffs are saved at the version they were loaded at: of two changes made to the same state
 * (two agents, or two instances), the first is saved and the second refused, whole.
 */
class HandoffStoreTest extends ApiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Autowired
    private HandoffStore store;

    @Autowired
    private Conversations conversations;

    private String conversation() {
        Conversation conversation = Conversation.start("store-test", null);
        conversations.create(conversation, ChatMessage.newMessage("help",
                MessageMetadata.CustomerMessage.scored(0.1, List.of(), null, null)));
        return conversation.id();
    }

    @Test
    void ofTwoClaimsOnTheSameStateOnlyTheFirstIsSaved() {
        String conversationId = conversation();
        Handoff escalated = store.load(conversationId);
        escalated.escalate(HandoffCause.CUSTOMER_REQUEST, null, "note", "customer", NOW);
        store.save(escalated);

        Handoff bobs = store.load(conversationId);
        Handoff carols = store.load(conversationId);
        bobs.claim("bob", NOW.plusSeconds(1));
        carols.claim("carol", NOW.plusSeconds(2));
        store.save(bobs);

        assertThatThrownBy(() -> store.save(carols)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(store.find(conversationId).orElseThrow().claimedBy()).isEqualTo("bob");
    }

    @Test
    void ofTwoFirstEscalationsOnlyTheFirstIsStored() {
        String conversationId = conversation();
        Handoff first = store.load(conversationId);
        Handoff second = store.load(conversationId);
        first.escalate(HandoffCause.CUSTOMER_REQUEST, "first", "note", "customer", NOW);
        second.escalate(HandoffCause.CONFUSION, "second", "note", "assistant", NOW);
        store.save(first);

        assertThatThrownBy(() -> store.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(store.find(conversationId).orElseThrow().reason()).isEqualTo("first");
    }
}
