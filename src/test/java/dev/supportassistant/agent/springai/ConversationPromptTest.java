package dev.supportassistant.agent.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;

import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.ConversationTurn;
import dev.supportassistant.agent.ConversationTurn.Role;
import dev.supportassistant.agent.ScreenImage;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.knowledge.KnowledgePassage;

/** What a model reads: instructions, passages, the trimmed history and the new message. */
class ConversationPromptTest {

    private static final ConfusionAssessment CALM = new ConfusionAssessment(0.1, List.of(), false);
    private static final ConfusionAssessment CONFUSED = new ConfusionAssessment(0.8, List.of("frustration"), true);

    private static List<ConversationTurn> history(int turns) {
        return java.util.stream.IntStream.range(0, turns)
                .mapToObj(i -> new ConversationTurn(i % 2 == 0 ? Role.USER : Role.ASSISTANT, "turn " + i + " " + "x".repeat(36)))
                .toList();
    }

    @Test
    void aSmallBudgetKeepsTheNewestTurnsAndDropsTheOldest() {
        // Each turn is about 11 tokens; the new message about 3.
        List<ConversationTurn> kept = ConversationPrompt.trimmedHistory(history(10), "new message", 30);

        assertThat(kept).extracting(ConversationTurn::content).allMatch(content -> content.startsWith("turn 8")
                || content.startsWith("turn 9"));
        assertThat(kept).hasSize(2);
        assertThat(kept.get(1).content()).startsWith("turn 9");
    }

    @Test
    void theNewestUserMessageIsSentEvenWhenItAloneExceedsTheBudget() {
        String longMessage = "help ".repeat(200);
        AgentRequest request = new AgentRequest(history(6), longMessage, CALM, List.of());

        List<Message> messages = ConversationPrompt.messages(request, "Be helpful.", 10);

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).getMessageType()).isEqualTo(MessageType.SYSTEM);
        assertThat(messages.get(1).getMessageType()).isEqualTo(MessageType.USER);
        assertThat(messages.get(1).getText()).isEqualTo(longMessage);
    }

    @Test
    void aGenerousBudgetKeepsTheWholeConversationInOrder() {
        AgentRequest request = new AgentRequest(history(4), "next", CALM, List.of());

        List<Message> messages = ConversationPrompt.messages(request, "Be helpful.", 10_000);

        assertThat(messages).extracting(Message::getMessageType).containsExactly(MessageType.SYSTEM,
                MessageType.USER, MessageType.ASSISTANT, MessageType.USER, MessageType.ASSISTANT, MessageType.USER);
        assertThat(messages.get(messages.size() - 1).getText()).isEqualTo("next");
    }

    @Test
    void theInstructionsCarryTheSystemPromptAndThePassages() {
        KnowledgePassage passage = new KnowledgePassage("password-reset#1", "Password reset", "Steps",
                "Click Forgot password.", 0.9);
        AgentRequest request = new AgentRequest(List.of(), "reset?", CALM, List.of(passage));

        String instructions = ConversationPrompt.instructions(request, "You are the support assistant.");

        assertThat(instructions).startsWith("You are the support assistant.")
                .contains("Password reset — Steps").contains("Click Forgot password.")
                .doesNotContain(ConversationPrompt.SCREEN_SHARE_INSTRUCTION)
                .doesNotContain(ConversationPrompt.NO_MATCH_INSTRUCTION);
    }

    @Test
    void whenNoPassageMatchesWellTheModelIsToldToAskRatherThanGuess() {
        KnowledgePassage weak = new KnowledgePassage("installation#6", "Installing the app", "Uninstall and reinstall",
                "1. Quit the app completely.", 0.3);
        AgentRequest request = new AgentRequest(List.of(), "I need help with my computer", CALM, List.of(weak));

        String instructions = ConversationPrompt.instructions(request, "You are the support assistant.");

        assertThat(instructions).contains(ConversationPrompt.NO_MATCH_INSTRUCTION)
                .contains("what were they doing, what happened").contains("in one line")
                .contains("do not answer it").contains("Installing the app — Uninstall and reinstall")
                .doesNotContain("passages that may answer");
    }

    @Test
    void withNoPassageAtAllTheModelIsStillToldToAskRatherThanGuess() {
        AgentRequest request = new AgentRequest(List.of(), "write me a poem", CALM, List.of());

        assertThat(ConversationPrompt.instructions(request, "You are the support assistant."))
                .contains(ConversationPrompt.NO_MATCH_INSTRUCTION).doesNotContain("nearest passages");
    }

    @Test
    void aConfusedCustomerGetsTheScreenShareInstruction() {
        AgentRequest request = new AgentRequest(List.of(), "nothing works!!!", CONFUSED, List.of());

        assertThat(ConversationPrompt.instructions(request, "You are the support assistant."))
                .contains(ConversationPrompt.SCREEN_SHARE_INSTRUCTION);
    }

    @Test
    void withoutScreenSharingAConfusedCustomerGetsNoScreenShareInstruction() {
        AgentRequest request = new AgentRequest(List.of(), "nothing works!!!", CONFUSED, List.of())
                .offeringScreenShare(false);

        assertThat(ConversationPrompt.instructions(request, "You are the support assistant."))
                .doesNotContain(ConversationPrompt.SCREEN_SHARE_INSTRUCTION);
    }

    @Test
    void theLabelsOnTheCustomersScreenAreInTheInstructions() {
        AgentRequest request = new AgentRequest(List.of(), "where do I click to try again?", CALM, List.of())
                .showing(new ScreenImage(new byte[] {1}, "image/png", "Error 502: Payment gateway timeout\nRetry payment",
                        List.of("Error 502: Payment gateway timeout", "Retry payment")));

        String instructions = ConversationPrompt.instructions(request, "Be helpful.");

        assertThat(instructions).endsWith(ConversationPrompt.SCREEN_LABELS_INSTRUCTION
                + "\n- Error 502: Payment gateway timeout\n- Retry payment");
        // A screen without labels (an old screenshot) adds nothing.
        assertThat(ConversationPrompt.instructions(request.showing(new ScreenImage(new byte[] {1}, "image/png", "x")),
                "Be helpful.")).doesNotContain(ConversationPrompt.SCREEN_LABELS_INSTRUCTION);
    }
}
