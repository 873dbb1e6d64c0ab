package dev.supportassistant.chat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.supportassistant.agent.ConversationTurn.Role;
import dev.supportassistant.platform.Caller;

/**
 * Conversations as other features see them: for the support desk, which reads them and writes
 * into them on behalf of a person, and for screenshots, which are recorded in them. Customer turns
 * go through the chat endpoints instead.
 */
@Service
public class Conversations {

    private final ConversationStore store;

    Conversations(ConversationStore store) {
        this.store = store;
    }

    /** The conversation, if it exists and the caller may see it (see {@link Caller#mayAccess}). */
    public Optional<Conversation> visible(String id, Caller caller) {
        return store.find(id).filter(conversation -> caller.mayAccess(conversation.ownerId()));
    }

    /** The conversation, whoever owns it: for staff. */
    public Optional<Conversation> find(String id) {
        return store.find(id);
    }

    /** All its messages, oldest first. */
    public List<ChatMessage> messages(String conversationId) {
        return store.messages(conversationId);
    }

    /** Records a handoff step in the history: a system message saying who did what, when and why. */
    public ChatMessage recordHandoff(String conversationId, String text, MessageMetadata.Handoff handoff) {
        return append(conversationId, Role.SYSTEM, text, metadata(null, null, handoff));
    }

    /** Stores a support agent's reply to the customer: an assistant message written by a person. */
    public ChatMessage appendHumanReply(String conversationId, String agentName, String text,
            MessageMetadata.Handoff handoff) {
        return append(conversationId, Role.ASSISTANT, text, metadata(agentName, Boolean.TRUE, handoff));
    }

    /** Stores the assistant's one holding reply of a handoff (a person will join). */
    public ChatMessage appendHoldingReply(String conversationId, String text, MessageMetadata.Handoff handoff) {
        return append(conversationId, Role.ASSISTANT, text, metadata(null, null, handoff));
    }

    /**
     * Records a screenshot the customer shared: a system message with the text read on it, and
     * where the image is ({@link MessageMetadata.Screenshot}), for the history and the desk.
     */
    public ChatMessage recordScreenshot(String conversationId, MessageMetadata.Screenshot screenshot) {
        String text = screenshot.ocrText() == null || screenshot.ocrText().isBlank()
                ? "The customer shared a screenshot (no text could be read on it)."
                : "The customer shared a screenshot. Text on it:\n" + screenshot.ocrText();
        return append(conversationId, Role.SYSTEM, text, MessageMetadata.screenshot(screenshot));
    }

    /** A holding reply that is only returned, not stored (the customer's later turns while waiting). */
    public ChatMessage transientReply(String text, MessageMetadata.Handoff handoff) {
        return new ChatMessage(UUID.randomUUID().toString(), Role.ASSISTANT, text, ConversationStore.now(),
                metadata(null, null, handoff));
    }

    private ChatMessage append(String conversationId, Role role, String text, MessageMetadata metadata) {
        ChatMessage message = new ChatMessage(UUID.randomUUID().toString(), role, text, ConversationStore.now(), metadata);
        store.append(conversationId, message);
        return message;
    }

    private static MessageMetadata metadata(String author, Boolean human, MessageMetadata.Handoff handoff) {
        return MessageMetadata.handoff(author, human, handoff);
    }
}
