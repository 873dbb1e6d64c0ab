package dev.supportassistant.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.security.Caller;

/** A customer's conversations: read one back, erase it, list them. */
@RestController
@RequestMapping("/api/v1")
class ConversationController {

    /** The most messages one page of {@code GET /conversation/{id}} holds. */
    static final int MAX_PAGE = 1000;

    private final ConversationService conversations;

    ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    /**
     * The conversation with its messages, oldest first: all of them by default (as the original
     * frontend reads it), or with {@code limit} the newest {@code limit} messages before the message
     * {@code before} (the newest when absent); {@code has_more} says whether older ones exist.
     */
    @GetMapping("/conversation/{conversationId}")
    ConversationView conversation(@PathVariable String conversationId,
            @RequestParam(required = false) @Min(1) @Max(MAX_PAGE) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String before, Caller caller) {
        return conversations.conversation(conversationId, limit, before, caller);
    }

    /** Erases a conversation and its messages: its owner (or, for one started without a token, its holder) or an operator. */
    @DeleteMapping("/conversation/{conversationId}")
    ResponseEntity<Void> delete(@PathVariable String conversationId, Caller caller) {
        conversations.delete(conversationId, caller);
        return ResponseEntity.noContent().build();
    }

    /** A user's conversations, newest activity first: for that customer (their token) or an operator. */
    @GetMapping("/conversations")
    ConversationPage list(@RequestParam("user_id") @NotBlank String userId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return conversations.list(userId, page, size, caller);
    }
}
