package dev.supportassistant.chat;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.Caller;
import dev.supportassistant.platform.RateLimited;

/** The customer rates one of the assistant's messages. */
@RestController
@RequestMapping("/api/v1")
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** {@code {"rating": "up" | "down", "comment": "..."}}; a second rating of the message replaces the first. */
    @PostMapping("/conversation/{conversationId}/messages/{messageId}/feedback")
    @RateLimited(RateLimited.Limit.CHAT)
    FeedbackService.MessageFeedback rate(@PathVariable String conversationId, @PathVariable String messageId,
            @Valid @RequestBody FeedbackRequest request, Caller caller) {
        return feedback.rate(conversationId, messageId, request, caller);
    }
}
