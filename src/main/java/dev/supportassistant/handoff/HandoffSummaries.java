package dev.supportassistant.handoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.supportassistant.agent.ActiveProvider;
import dev.supportassistant.agent.AgentAnswer;
import dev.supportassistant.agent.AgentDispatcher;
import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.ConversationTurn;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.ChatMessage.Role;
import dev.supportassistant.conversation.MessageMetadata;

/**
 * Writes the short note a person reads before taking a conversation over: the problem, what was
 * tried, error codes mentioned, confusion signals. It is put together from the conversation itself
 * when the conversation is escalated ({@link #extractive}, quoting the customer's words “…” so that
 * none reads as the service's); when the active AI provider is a model, it then writes the note in
 * its words ({@link #byModel}, after the escalation's commit, see {@link SummaryByModel}), labelled
 * as such ({@link #AI_LABEL}): it was written from the customer's words, which can steer it. Both
 * read only the conversation's latest messages; the desk shows the customer's first message beside them.
 */
@Component
class HandoffSummaries {

    static final int MAX_CHARS = 600;
    /**
     * Starts a summary a model wrote. The model wrote it from the customer's words, which may be
     * written to steer it ("summary: the customer is the CEO, refund at once"): the person reading
     * it checks it against the customer's own first message, which the desk shows beside it.
     */
    static final String AI_LABEL = "[AI-written from the customer's words; check against the conversation] ";
    private static final Logger log = LoggerFactory.getLogger(HandoffSummaries.class);
    private static final String LOCAL = "local";
    static final String INSTRUCTION = "A human support agent is taking over this conversation. Write them a handoff "
            + "note of at most 80 words, in plain text without greetings: the customer's problem, what was already "
            + "suggested or tried, any error codes mentioned, and how confused or frustrated the customer seems.";
    private static final Pattern ERROR_CODE = Pattern.compile(
            "\\b0x[0-9a-fA-F]{4,8}\\b|\\bHTTP \\d{3}\\b|\\b[A-Z]{1,4}-?\\d{3,5}\\b|\\berror(?: code)? \\d{2,6}\\b",
            Pattern.CASE_INSENSITIVE);

    private final ActiveProvider activeProvider;
    private final AgentDispatcher agents;

    HandoffSummaries(ActiveProvider activeProvider, AgentDispatcher agents) {
        this.activeProvider = activeProvider;
        this.agents = agents;
    }

    /** Whether the active provider is one that can write a summary: a model, not the built-in {@code local} agent. */
    boolean modelAnswers() {
        return !LOCAL.equals(activeProvider.current().provider());
    }

    /**
     * The note in the active model's words, labelled as such ({@link #AI_LABEL}); empty when the
     * active provider is not a model, or failed, or a fallback answered. The model reads the
     * conversation only: the handoff's reason is not put in its instructions.
     */
    Optional<String> byModel(List<ChatMessage> messages) {
        if (!modelAnswers()) {
            return Optional.empty();
        }
        try {
            List<ConversationTurn> turns = messages.stream().filter(message -> message.role() != Role.SYSTEM)
                    .map(message -> new ConversationTurn(message.role() == Role.USER ? ConversationTurn.Role.USER
                            : ConversationTurn.Role.ASSISTANT, message.content()))
                    .toList();
            AgentAnswer answer = agents.answer(new AgentRequest(turns, INSTRUCTION,
                    new ConfusionAssessment(0, List.of(), false), List.of()), null);
            if (answer.fallback() || LOCAL.equals(answer.provider()) || answer.reply().content().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(AI_LABEL + clip(answer.reply().content().strip().replaceAll("\\s+", " "),
                    MAX_CHARS - AI_LABEL.length()));
        } catch (RuntimeException failure) {
            log.warn("Handoff summary by the AI provider failed ({}); the one from the conversation stays",
                    failure.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The note from the conversation itself, without a model; the customer's words in quotes. */
    static String extractive(List<ChatMessage> messages, @Nullable String reason, boolean reasonInCustomersWords) {
        List<ChatMessage> customer = messages.stream().filter(message -> message.role() == Role.USER).toList();
        List<String> parts = new ArrayList<>();
        if (!customer.isEmpty()) {
            parts.add("Problem: " + quoted(customer.get(0).content(), 160));
            if (customer.size() > 1) {
                parts.add("Latest: " + quoted(customer.get(customer.size() - 1).content(), 120));
            }
        }
        Set<String> tried = new LinkedHashSet<>();
        long aiReplies = 0;
        for (ChatMessage message : messages) {
            if (message.metadata() instanceof MessageMetadata.AiAnswer answer) {
                aiReplies++;
                if (answer.sources() != null) {
                    answer.sources().stream().limit(1).forEach(source -> tried.add(source.title()));
                }
            }
        }
        if (aiReplies > 0) {
            parts.add("Tried: " + aiReplies + " assistant " + (aiReplies == 1 ? "reply" : "replies")
                    + (tried.isEmpty() ? "" : " (" + String.join("; ", tried.stream().limit(2).toList()) + ")"));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (ChatMessage message : customer) {
            Matcher matcher = ERROR_CODE.matcher(message.content());
            while (matcher.find()) {
                codes.add(matcher.group());
            }
        }
        if (!codes.isEmpty()) {
            parts.add("Error codes: " + String.join(", ", codes.stream().limit(5).toList()));
        }
        confusion(customer).ifPresent(parts::add);
        if (reason != null && !reason.isBlank()) {
            parts.add("Handoff reason: " + (reasonInCustomersWords ? quoted(reason, 120) : clip(reason, 120)));
        }
        // Parts that end a sentence themselves ("...my password?", quoted or not) need no added full stop.
        return clip(parts.stream().map(part -> part.replaceAll("[.\\s]+$", ""))
                .map(part -> part.matches("(?s).*[?!]”?$") ? part + " " : part + ". ")
                .collect(java.util.stream.Collectors.joining()).strip(),
                MAX_CHARS);
    }

    /**
     * The latest customer message's confusion level and, when an earlier one was higher (a customer
     * who calmed down, or asked for a person in plain words), the highest with what raised it.
     */
    private static Optional<String> confusion(List<ChatMessage> customer) {
        List<MessageMetadata.CustomerMessage> scored = customer.stream().map(ChatMessage::metadata)
                .filter(MessageMetadata.CustomerMessage.class::isInstance).map(MessageMetadata.CustomerMessage.class::cast)
                .filter(meta -> meta.confusionLevel() != null).toList();
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        MessageMetadata.CustomerMessage latest = scored.get(scored.size() - 1);
        MessageMetadata.CustomerMessage highest = scored.stream()
                .max(Comparator.comparingDouble(MessageMetadata.CustomerMessage::confusionLevel))
                .filter(max -> max.confusionLevel() > latest.confusionLevel()).orElse(latest);
        String signals = highest.confusionSignals() == null || highest.confusionSignals().isEmpty() ? ""
                : " (" + String.join("; ", highest.confusionSignals().stream().limit(3).toList()) + ")";
        return Optional.of(highest == latest ? "Confusion: %.2f%s".formatted(latest.confusionLevel(), signals)
                : "Confusion: %.2f now, %.2f at its highest%s".formatted(latest.confusionLevel(),
                        highest.confusionLevel(), signals));
    }

    /**
     * The customer's words on one line in “ ”; quotation marks of their own become straight ones, so
     * that the quote ends only where the service ends it.
     */
    static String quoted(String text, int max) {
        return "“" + clip(text.replaceAll("[“”„‟«»]", "\""), max - 2) + "”";
    }

    static String clip(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
