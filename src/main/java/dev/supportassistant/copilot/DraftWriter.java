package dev.supportassistant.copilot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.agent.AgentAnswer;
import dev.supportassistant.agent.AgentDispatcher;
import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.AgentSettings;
import dev.supportassistant.agent.ConversationTurn;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.ChatMessage.Role;
import dev.supportassistant.conversation.ConversationRefusal;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.StaffNote;
import dev.supportassistant.conversation.StaffNotes;
import dev.supportassistant.knowledge.KnowledgeBase;

/**
 * Drafts a reply for the support person holding a conversation: the active provider (with its
 * fallbacks, at last the offline {@code local} agent, which answers from the help articles) reads
 * the conversation's latest messages, the staff's internal notes and the help passages that fit the
 * customer's latest message, and writes a reply for the person to edit and send.
 *
 * <p>It asks through {@link AgentDispatcher}, the path the customer's turns take, so what guards
 * that path (timeouts, retries, circuits, masking of personal data) guards drafts too. The notes
 * are staff's words: they go into the instructions, marked as internal, never into the customer's
 * turns. The customer's words stay turns of the conversation, so they cannot pass for instructions.
 */
@Service
public class DraftWriter {

    /** How many help passages a draft is written from. */
    static final int PASSAGES = 3;
    /** The notes a draft reads, newest kept: the instructions stay a bounded size. */
    static final int NOTES = 20;
    /** How many of the customer's latest messages the help passages are looked up by. */
    static final int TOPIC_MESSAGES = 3;
    static final int MAX_TOPIC_CHARS = 2000;
    static final String INSTRUCTION = """
            You are drafting a reply for a human support agent, %s, to review, edit and send to the customer \
            under their own name. Write only the reply itself, in the customer's language, friendly and concise: \
            no greeting line about being an AI, no notes to the agent, no placeholders. Use the help-center \
            passages below when they fit; do not invent steps they do not give.""";

    private static final Logger log = LoggerFactory.getLogger(DraftWriter.class);

    private final Conversations conversations;
    private final StaffNotes notes;
    private final KnowledgeBase knowledge;
    private final AgentDispatcher agents;
    private final AgentSettings settings;

    DraftWriter(Conversations conversations, StaffNotes notes, KnowledgeBase knowledge, AgentDispatcher agents,
            AgentSettings settings) {
        this.conversations = conversations;
        this.notes = notes;
        this.knowledge = knowledge;
        this.agents = agents;
        this.settings = settings;
    }

    /**
     * A draft reply to the customer's latest message, for {@code agent} to send.
     *
     * @throws ErrorResponseException 404 when there is no such conversation, 409 when the customer
     *     has written nothing to reply to, 503 when no provider, not even the offline agent, answered
     */
    public Draft draft(String conversationId, String agent) {
        conversations.find(conversationId).orElseThrow(ConversationRefusal::notFound);
        List<ChatMessage> recent = conversations.recentMessages(conversationId);
        int latest = lastCustomerMessage(recent).orElseThrow(() -> refusal(HttpStatus.CONFLICT,
                "The customer has written nothing to reply to yet"));
        List<ConversationTurn> history = new ArrayList<>();
        for (ChatMessage message : recent.subList(0, latest)) {
            if (message.role() != Role.SYSTEM) {
                history.add(new ConversationTurn(message.role() == Role.USER ? ConversationTurn.Role.USER
                        : ConversationTurn.Role.ASSISTANT, message.content()));
            }
        }
        // What follows the customer's latest message (holding replies, notes of steps) is not what the
        // draft answers.
        String customerMessage = recent.get(latest).content();
        AgentRequest request = new AgentRequest(history, customerMessage, new ConfusionAssessment(0, List.of(), false),
                knowledge.search(topic(recent.subList(0, latest + 1)), PASSAGES), null, instructions(conversationId, agent), null, false);
        AgentAnswer answer;
        try {
            answer = agents.answer(request, null);
        } catch (RuntimeException failed) {
            log.warn("Draft reply failed: {}", failed.getClass().getSimpleName());
            throw refusal(HttpStatus.SERVICE_UNAVAILABLE, "No AI provider could write a draft just now; write the "
                    + "reply yourself or try again");
        }
        List<Draft.Source> sources = answer.reply().sources().stream()
                .map(passage -> new Draft.Source(passage.articleTitle(), passage.sectionTitle(), passage.chunkId()))
                .toList();
        return new Draft(answer.reply().content().strip(), sources, answer.provider(), answer.fallback());
    }

    private String instructions(String conversationId, String agent) {
        StringBuilder text = new StringBuilder(settings.systemPrompt().strip()).append("\n\n")
                .append(INSTRUCTION.formatted(agent));
        List<StaffNote> all = notes.of(conversationId);
        List<StaffNote> kept = all.subList(Math.max(0, all.size() - NOTES), all.size());
        if (!kept.isEmpty()) {
            text.append("\n\nInternal notes the support team left on this conversation (for you, never to be quoted "
                    + "to the customer):");
            kept.forEach(note -> text.append("\n- ").append(note.author()).append(": ")
                    .append(note.content().replaceAll("\\s+", " ")));
        }
        return text.toString();
    }

    /**
     * What the help passages are looked up by: the customer's latest few messages, since the latest
     * alone ("it still does not work") often names no topic. Bounded, as a search query should be.
     */
    static String topic(List<ChatMessage> messages) {
        List<String> customer = messages.stream().filter(message -> message.role() == Role.USER)
                .map(ChatMessage::content).toList();
        String joined = String.join("\n", customer.subList(Math.max(0, customer.size() - TOPIC_MESSAGES),
                customer.size()));
        return joined.length() <= MAX_TOPIC_CHARS ? joined : joined.substring(joined.length() - MAX_TOPIC_CHARS);
    }

    private static Optional<Integer> lastCustomerMessage(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).metadata() instanceof MessageMetadata.CustomerMessage) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
