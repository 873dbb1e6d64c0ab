package dev.supportassistant.conversation;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.supportassistant.platform.security.Caller;

/**
 * Conversations as other features see them: the chat, which stores each turn; the support desk,
 * which reads them and writes into them on behalf of a person; screenshots, which are recorded in
 * them; and feedback, which rates their replies.
 */
@Service
public class Conversations {

    /** How many messages a conversation holds, and how many of them are the customer's. */
    public record Counts(long messages, long customerMessages) {

        /** The counts of a conversation not stored yet. */
        public static final Counts NONE = new Counts(0, 0);
    }

    private final ConversationStore store;
    private final StoredMessages messages;
    private final ConversationLimits limits;

    Conversations(ConversationStore store, StoredMessages messages, ConversationLimits limits) {
        this.store = store;
        this.messages = messages;
        this.limits = limits;
    }

    /** The conversation, if it exists and the caller may see it (see {@link Caller#mayAccess}). */
    public Optional<Conversation> visible(String id, Caller caller) {
        return store.find(id).filter(conversation -> caller.mayAccess(conversation.ownerId()));
    }

    /**
     * What a customer's turn continuing the conversation needs to know, in one read
     * ({@link TurnContext}); empty when it does not exist or the caller may not see it.
     */
    public Optional<TurnContext> forTurn(String id, Caller caller) {
        return store.forTurn(id, limits.contextMessages())
                .filter(context -> caller.mayAccess(context.conversation().ownerId()));
    }

    /** The conversation, whoever owns it: for staff. */
    public Optional<Conversation> find(String id) {
        return store.find(id);
    }

    /** Stores a new conversation ({@link Conversation#start}) together with its first message, in one commit. */
    public void create(Conversation conversation, ChatMessage firstMessage) {
        store.create(conversation, firstMessage);
    }

    /** Stores a message ({@link ChatMessage#newMessage}) at the end of the conversation; it is durable on return. */
    public void append(String conversationId, ChatMessage message) {
        store.append(conversationId, List.of(message));
    }

    /**
     * Stores messages at the end of the conversation in one commit, such as an answer and the note
     * of what it offered: either both are stored or neither.
     */
    public void append(String conversationId, ChatMessage message, ChatMessage note) {
        store.append(conversationId, List.of(message, note));
    }

    /** All its messages, oldest first: at most about {@code MAX_MESSAGES_PER_CONVERSATION}. */
    public List<ChatMessage> messages(String conversationId) {
        return messages.all(conversationId);
    }

    /** Its latest messages, oldest first: as many as a customer's turn reads ({@code HISTORY_CONTEXT_MESSAGES}). */
    public List<ChatMessage> recentMessages(String conversationId) {
        return messages.recent(conversationId, limits.contextMessages());
    }

    /** One of its messages, if the conversation has one with that id. */
    public Optional<ChatMessage> message(String conversationId, String messageId) {
        return messages.one(conversationId, messageId);
    }

    /** What the customer wrote first, in their own words; empty before they wrote anything. */
    public Optional<String> firstCustomerMessage(String conversationId) {
        return messages.firstCustomerMessage(conversationId);
    }

    /** Records a handoff step in the history: a system message saying who did what, when and why. */
    public ChatMessage recordHandoff(String conversationId, String text, MessageMetadata.Handoff handoff) {
        return append(conversationId, text, new MessageMetadata.HandoffNote(handoff));
    }

    /** Stores a support agent's reply to the customer: an assistant message written by a person. */
    public ChatMessage appendHumanReply(String conversationId, String agentName, String text,
            MessageMetadata.Handoff handoff) {
        return append(conversationId, text, MessageMetadata.HumanReply.by(agentName, handoff));
    }

    /**
     * Stores the assistant's reply while a person holds or awaits the conversation: the holding reply
     * of a handoff (a person will join), or the acknowledgement of a customer's message meanwhile.
     * Stored like every reply, so the history shows what the customer was shown and it can be rated.
     */
    public ChatMessage appendHoldingReply(String conversationId, String text, MessageMetadata.@Nullable Handoff handoff) {
        return append(conversationId, text, MessageMetadata.HoldingReply.during(handoff));
    }

    /**
     * Records a screenshot the customer shared: a system message saying so, with the text read on
     * it and where the image is in its metadata ({@link MessageMetadata.Screenshot}), for the history
     * and the desk. The text read is the customer's content, so it stays out of the note's own words,
     * which it could be made to imitate.
     */
    public ChatMessage recordScreenshot(String conversationId, MessageMetadata.Screenshot screenshot) {
        String text = screenshot.ocrText() == null || screenshot.ocrText().isBlank()
                ? "The customer shared a screenshot (no text could be read on it)."
                : "The customer shared a screenshot.";
        return append(conversationId, text, new MessageMetadata.ScreenshotNote(screenshot));
    }

    /**
     * The note that screen sharing was offered to the customer on the conversation's channel, not
     * stored yet: it is stored with the answer that offers it.
     */
    public static ChatMessage screenShareOffer(String channelName) {
        return ChatMessage.newMessage("Screen sharing offered on channel " + channelName + ".",
                new MessageMetadata.ScreenShareNote(ScreenShareEvent.offered(channelName)));
    }

    /** Records that screen sharing started: the channel and the seats' uids, never the tokens. */
    public ChatMessage recordScreenShareStarted(String conversationId, ScreenShareEvent started) {
        return append(conversationId, "Screen sharing started on channel " + started.channelName() + ": customer uid "
                + started.customerUid() + " (publisher), support agent uid " + started.agentUid()
                + " (subscriber), tokens valid until " + started.expiresAt() + ".",
                new MessageMetadata.ScreenShareNote(started));
    }

    private ChatMessage append(String conversationId, String text, MessageMetadata metadata) {
        ChatMessage message = ChatMessage.newMessage(text, metadata);
        store.append(conversationId, List.of(message));
        return message;
    }
}
