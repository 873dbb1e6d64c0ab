package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The handoff aggregate: which steps its rules allow from which state, and what each step registers. */
class HandoffTest {

    private static final Instant ESCALATED = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant CLAIMED = ESCALATED.plusSeconds(42);

    private static Handoff waiting() {
        Handoff handoff = Handoff.none("c1");
        handoff.escalate(HandoffCause.CUSTOMER_REQUEST, "urgent", "Problem: “sync fails”", "customer", ESCALATED);
        return handoff;
    }

    private static Handoff heldBy(String agent) {
        Handoff handoff = waiting();
        handoff.claim(agent, CLAIMED);
        return handoff;
    }

    @Test
    void anEscalationPutsTheConversationInTheQueueAndSaysWhoAskedAndWhy() {
        Handoff handoff = waiting();

        assertThat(handoff.state().status()).isEqualTo(HandoffStatus.WAITING_FOR_HUMAN);
        assertThat(handoff.state().requestedAt()).isEqualTo(ESCALATED);
        assertThat(handoff.events()).singleElement().isInstanceOfSatisfying(HandoffEvent.Escalated.class, step -> {
            assertThat(step.previousStatus()).isEqualTo(HandoffStatus.BOT);
            assertThat(step.by()).isEqualTo("customer");
            assertThat(step.reason()).isEqualTo("urgent");
        });
    }

    @Test
    void aConversationAlreadyWithAPersonIsNotEscalatedAgain() {
        Handoff handoff = heldBy("bob");

        assertThatThrownBy(() -> handoff.escalate(HandoffCause.CONFUSION, null, "note", "assistant", CLAIMED))
                .isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .isEqualTo("Conversation is already with bob"));
    }

    @Test
    void aClaimTakesAWaitingConversationAndRecordsTheWait() {
        Handoff handoff = heldBy("bob");

        assertThat(handoff.state().claimedBy()).isEqualTo("bob");
        assertThat(handoff.events()).last().isInstanceOfSatisfying(HandoffEvent.Claimed.class,
                claimed -> assertThat(claimed.waited()).isEqualTo(Duration.ofSeconds(42)));
    }

    @Test
    void aSecondAgentCannotClaimWhatAnotherHoldsButTheHolderMayClaimAgain() {
        Handoff handoff = heldBy("bob");

        assertThatThrownBy(() -> handoff.claim("carol", CLAIMED)).isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .isEqualTo("Conversation is already claimed by bob"));
        int steps = handoff.events().size();
        handoff.claim("bob", CLAIMED.plusSeconds(1));
        assertThat(handoff.events()).hasSize(steps);
    }

    @Test
    void onlyAWaitingConversationCanBeClaimed() {
        assertThatThrownBy(() -> Handoff.none("c1").claim("bob", CLAIMED))
                .isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .isEqualTo("Conversation is not waiting for a person (status bot)"));
    }

    @Test
    void onlyTheHolderReplies() {
        assertThatThrownBy(() -> heldBy("bob").reply("carol")).isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .isEqualTo("Conversation is held by bob; only they can reply"));
        assertThatThrownBy(() -> waiting().reply("bob")).isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .isEqualTo("Claim the conversation before replying (status waiting_for_human)"));
    }

    @Test
    void theHolderOrAnOperatorEndsAConversationWithAPersonAndAnyoneAWaitingOne() {
        assertThatThrownBy(() -> heldBy("bob").handBack("carol", false, null, CLAIMED))
                .isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .isEqualTo("Conversation is held by bob; only they (or an operator) can end it"));

        Handoff byOperator = heldBy("bob");
        byOperator.resolve("admin", true, "done", CLAIMED.plusSeconds(60));
        assertThat(byOperator.state().status()).isEqualTo(HandoffStatus.RESOLVED);
        assertThat(byOperator.events()).last().isInstanceOfSatisfying(HandoffEvent.Resolved.class,
                resolved -> assertThat(resolved.sinceEscalation()).isEqualTo(Duration.ofSeconds(102)));

        Handoff waiting = waiting();
        waiting.handBack("carol", false, null, CLAIMED);
        assertThat(waiting.state().status()).isEqualTo(HandoffStatus.BOT);
        assertThat(waiting.state().claimedBy()).isNull();
    }

    @Test
    void aConversationWithTheAiCannotBeHandedBack() {
        assertThatThrownBy(() -> Handoff.none("c1").handBack("bob", true, null, CLAIMED))
                .isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .isEqualTo("Conversation is not with a person (status bot)"));
    }

    @Test
    void aModelsNoteReplacesTheOneOfItsOwnEscalationOnly() {
        Handoff handoff = waiting();

        assertThat(handoff.summarized(ESCALATED.minusSeconds(1), "stale")).isFalse();
        assertThat(handoff.summarized(ESCALATED, "[AI] note")).isTrue();
        assertThat(handoff.state().summary()).isEqualTo("[AI] note");
    }

    @Test
    void aResolvedConversationIsReopenedIntoTheQueueAndNothingElseIs() {
        Handoff handoff = heldBy("bob");
        handoff.resolve("bob", false, null, CLAIMED.plusSeconds(60));
        Instant reopened = CLAIMED.plusSeconds(3600);

        handoff.reopen("alice", reopened);

        assertThat(handoff.state().status()).isEqualTo(HandoffStatus.WAITING_FOR_HUMAN);
        assertThat(handoff.state().requestedAt()).isEqualTo(reopened);
        assertThat(handoff.state().claimedBy()).isNull();
        assertThat(handoff.events()).last().isInstanceOfSatisfying(HandoffEvent.Reopened.class, step -> {
            assertThat(step.previousStatus()).isEqualTo(HandoffStatus.RESOLVED);
            assertThat(step.by()).isEqualTo("alice");
        });
        assertThatThrownBy(() -> handoff.reopen("alice", reopened)).isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .isEqualTo("Only a resolved conversation can be reopened (status waiting_for_human)"));
    }

    @Test
    void theHolderOrAnOperatorPassesAConversationOnAndAnyoneAssignsAWaitingOne() {
        Handoff held = heldBy("bob");
        held.transfer("carol", "bob", false, CLAIMED.plusSeconds(5));
        assertThat(held.state().claimedBy()).isEqualTo("carol");
        assertThat(held.events()).last().isInstanceOfSatisfying(HandoffEvent.Transferred.class, step -> {
            assertThat(step.by()).isEqualTo("bob");
            assertThat(step.from()).isEqualTo("bob");
            assertThat(step.previousStatus()).isEqualTo(HandoffStatus.WITH_HUMAN);
        });

        held.transfer("dave", "admin", true, CLAIMED.plusSeconds(6));
        assertThat(held.state().claimedBy()).isEqualTo("dave");

        Handoff waiting = waiting();
        waiting.transfer("carol", "bob", false, CLAIMED);
        assertThat(waiting.state().status()).isEqualTo(HandoffStatus.WITH_HUMAN);
        assertThat(waiting.state().claimedBy()).isEqualTo("carol");
    }

    @Test
    void aTransferByAnotherAgentToTheHolderOrOfAConversationWithTheAiIsRefused() {
        Handoff held = heldBy("bob");
        assertThatThrownBy(() -> held.transfer("carol", "eve", false, CLAIMED)).isInstanceOf(HandoffConflictException.class)
                .satisfies(refused -> assertThat(((HandoffConflictException) refused).getBody().getDetail())
                        .contains("held by bob"));
        assertThatThrownBy(() -> held.transfer("bob", "bob", false, CLAIMED)).isInstanceOf(HandoffConflictException.class);
        Handoff withAi = Handoff.none("c2");
        assertThatThrownBy(() -> withAi.transfer("carol", "bob", true, CLAIMED)).isInstanceOf(HandoffConflictException.class);
        assertThat(held.state().claimedBy()).isEqualTo("bob");
        assertThat(withAi.changed()).isFalse();
    }
}
