package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.confusion.ConfusionSettings;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.TurnContext;
import dev.supportassistant.language.CustomerLanguage;
import dev.supportassistant.screenshare.ScreenShareSessions;

/**
 * Outside {@code DESK_HOURS}, on a fixed clock: a customer who asks for a person is told when the
 * desk opens, the conversation waits in the queue marked after hours, and the AI answers their next
 * messages meanwhile. The rules run on the shared service's own beans, with desk hours of their own.
 */
class AfterHoursTest extends ApiTest {

    /** Sunday 6 December 2026, 12:00 UTC: the desk below is closed. */
    private static final Clock SUNDAY = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    @Autowired
    private HandoffStore store;
    @Autowired
    private Conversations conversations;
    @Autowired
    private ScreenShareSessions screenShare;
    @Autowired
    private DeskStaffing staffing;
    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private HandoffSettings settings;
    @Autowired
    private ConfusionSettings confusion;
    @Autowired
    private ConversationDirectory directory;
    @Autowired
    private CustomerLanguage languages;

    private DeskQueries queries;
    private EscalationRules rules;

    @BeforeEach
    void closedDesk() {
        DeskHours hours = DeskHours.parse("Mon-Fri 09:00-17:30 Europe/Berlin", SUNDAY);
        queries = new DeskQueries(store, conversations, directory, hours);
        HandoffService handoffs = new HandoffService(store, conversations, screenShare, queries, staffing, events,
                transactions, hours, languages);
        rules = new EscalationRules(handoffs, conversations, settings, confusion, hours, languages);
    }

    @Test
    void aCustomerAskingForAPersonAfterHoursIsToldWhenTheDeskOpensAndTheAiGoesOnHelping() {
        String conversationId = api.chat(ChatRequest.message("My export to CSV fails").from("after-hours-customer"))
                .json().get("conversation_id").asString();

        Optional<ChatMessage> told = turn(conversationId, "Can I talk to a human please?");

        assertThat(told).hasValueSatisfying(reply -> assertThat(reply.content())
                .contains("Monday 7 December, 09:00 (Europe/Berlin)")
                .contains("Mon-Fri 09:00-17:30 Europe/Berlin")
                .contains("I can go on helping you here"));
        assertThat(store.find(conversationId)).hasValueSatisfying(
                handoff -> assertThat(handoff.status()).isEqualTo(HandoffStatus.WAITING_FOR_HUMAN));
        assertThat(queries.queue(HandoffStatus.WAITING_FOR_HUMAN, 200).conversations())
                .filteredOn(entry -> entry.conversationId().equals(conversationId))
                .singleElement().satisfies(entry -> assertThat(entry.afterHours()).isTrue());

        assertThat(turn(conversationId, "The file has 20 columns")).as("the AI answers while nobody is there").isEmpty();
        assertThat(turn(conversationId, "I want to speak to a person")).as("asked again: the same reply, not a new one")
                .hasValueSatisfying(again -> assertThat(again.id()).isEqualTo(told.get().id()));
    }

    /** A customer's message as a turn stores it, and what the rules make of it. */
    private Optional<ChatMessage> turn(String conversationId, String text) {
        TurnContext context = context(conversationId);
        ChatMessage message = ChatMessage.newMessage(text, MessageMetadata.CustomerMessage.scored(0.1, List.of(), null,
                null));
        conversations.append(conversationId, message);
        return rules.takeOver(context, message, new ConfusionAssessment(0.1, List.of(), false));
    }

    private TurnContext context(String conversationId) {
        List<ChatMessage> recent = conversations.recentMessages(conversationId);
        return new TurnContext(conversations.find(conversationId).orElseThrow(),
                new Conversations.Counts(recent.size(), 1), recent,
                store.find(conversationId).map(handoff -> new TurnContext.HandoffRow(handoff.status().wireName(),
                        handoff.cause() == null ? null : handoff.cause().wireName(), handoff.reason(),
                        handoff.claimedBy())).orElse(null),
                null);
    }
}
