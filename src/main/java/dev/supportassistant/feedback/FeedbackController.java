package dev.supportassistant.feedback;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.security.Caller;

/** The customer rates one of the assistant's messages, or the whole conversation. */
@RestController
@RequestMapping("/api/v1")
class FeedbackController {

    private final FeedbackService feedback;
    private final ConversationRatings ratings;

    FeedbackController(FeedbackService feedback, ConversationRatings ratings) {
        this.feedback = feedback;
        this.ratings = ratings;
    }

    /**
     * {@code {"rating": "up" | "down", "comment": "..."}}; a second rating of the message replaces the first.
     * Not under the chat rate limit: rating must not use up a customer's messages, and since a
     * rating replaces the last one, repeating it stores nothing more.
     */
    @PostMapping("/conversation/{conversationId}/messages/{messageId}/feedback")
    FeedbackService.MessageFeedback rate(@PathVariable String conversationId, @PathVariable String messageId,
            @Valid @RequestBody FeedbackRequest request, Caller caller) {
        return feedback.rate(conversationId, messageId, request, caller);
    }

    /**
     * {@code {"score": 1-5, "comment": "..."}}: the customer's rating of the whole conversation, once
     * it was answered, once per outcome ({@link ConversationRatings}); 201 with the rating.
     */
    @PostMapping("/conversation/{conversationId}/rating")
    ResponseEntity<ConversationRating> rateConversation(@PathVariable String conversationId,
            @Valid @RequestBody RatingRequest request, Caller caller) {
        return ResponseEntity.status(201).body(ratings.rate(conversationId, request, caller));
    }
}
