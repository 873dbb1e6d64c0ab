package dev.supportassistant.feedback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.ConversationRefusal;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.knowledge.KnowledgeGaps;
import dev.supportassistant.platform.security.Caller;

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

    private final Conversations conversations;
    private final FeedbackStore feedback;
    private final KnowledgeGaps gaps;

    FeedbackService(Conversations conversations, FeedbackStore feedback, KnowledgeGaps gaps) {
        this.conversations = conversations;
        this.feedback = feedback;
        this.gaps = gaps;
    }

    MessageFeedback rate(String conversationId, String messageId, FeedbackRequest request, Caller caller) {
        Conversation conversation = conversations.visible(conversationId, caller)
                .orElseThrow(ConversationRefusal::notFound);
        if (caller.admin() && !caller.authenticatedUser().filter(user -> user.equals(conversation.ownerId())).isPresent()) {
            throw FeedbackRefusal.operatorsDoNotRate();
        }
        String rating = request.rating().strip().toLowerCase(Locale.ROOT);
        if (!RATINGS.contains(rating)) {
            throw FeedbackRefusal.invalid("rating: must be \"up\" or \"down\"");
        }
        ChatMessage rated = conversations.message(conversation.id(), messageId)
                .orElseThrow(FeedbackRefusal::messageNotFound);
        if (rated.role() != ChatMessage.Role.ASSISTANT) {
            throw FeedbackRefusal.invalid("message_id: only the assistant's messages can be rated");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        MessageMetadata.Feedback given = new MessageMetadata.Feedback(rating, comment,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        feedback.save(messageId, given);
        if (rating.equals("down")) {
            questionBefore(conversation.id(), messageId).ifPresent(question -> gaps.unanswered(conversation.id(),
                    question, KnowledgeGaps.THUMBS_DOWN));
        }
        return new MessageFeedback(messageId, given.rating(), given.comment(), given.createdAt());
    }

    /** The customer's message the rated reply answered, when it is among the conversation's latest. */
    private Optional<String> questionBefore(String conversationId, String messageId) {
        String question = null;
        for (ChatMessage message : conversations.recentMessages(conversationId)) {
            if (message.id().equals(messageId)) {
                return Optional.ofNullable(question);
            }
            if (message.role() == ChatMessage.Role.USER) {
                question = message.content();
            }
        }
        return Optional.empty();
    }

    /** The stored rating, as the endpoint answers it. */
    record MessageFeedback(String messageId, String rating, @Nullable String comment, Instant createdAt) {
    }
}
