package dev.supportassistant.chat;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.supportassistant.agent.ConversationTurn.Role;
import dev.supportassistant.security.Caller;

/**
 * Customers rate the assistant's messages: thumbs up or down with an optional comment, one rating
 * a message, a later one replacing it. What an experiment's feedback figures count.
 *
 * <p>Only the conversation's customer rates it: for a conversation started with a customer token,
 * that customer; for one started without, whoever holds its id (as for reading it). Everyone else
 * gets 404, as when reading it, and an operator 403: their opinion is not a customer's.
 */
@Service
class FeedbackService {

    private static final Set<String> RATINGS = Set.of("up", "down");

    private final ConversationStore conversations;
    private final FeedbackStore feedback;

    FeedbackService(ConversationStore conversations, FeedbackStore feedback) {
        this.conversations = conversations;
        this.feedback = feedback;
    }

    MessageFeedback rate(String conversationId, String messageId, FeedbackRequest request, Caller caller) {
        Conversation conversation = conversations.find(conversationId)
                .filter(found -> caller.mayAccess(found.ownerId())).orElseThrow(ConversationNotFoundException::new);
        if (caller.admin() && !caller.authenticatedUser().filter(user -> user.equals(conversation.ownerId())).isPresent()) {
            throw new FeedbackForbiddenException();
        }
        String rating = request.rating().strip().toLowerCase(Locale.ROOT);
        if (!RATINGS.contains(rating)) {
            throw new InvalidChatRequestException("rating: must be \"up\" or \"down\"");
        }
        Role role = feedback.roleOf(conversation.id(), messageId).orElseThrow(MessageNotFoundException::new);
        if (role != Role.ASSISTANT) {
            throw new InvalidChatRequestException("message_id: only the assistant's messages can be rated");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        MessageMetadata.Feedback given = new MessageMetadata.Feedback(rating, comment, ConversationStore.now());
        feedback.save(messageId, given);
        return new MessageFeedback(messageId, given.rating(), given.comment(), given.createdAt());
    }

    /** The stored rating, as the endpoint answers it. */
    record MessageFeedback(String messageId, String rating, String comment, java.time.Instant createdAt) {
    }
}
