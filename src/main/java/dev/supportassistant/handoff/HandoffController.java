package dev.supportassistant.handoff;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.events.ConversationEvents;
import dev.supportassistant.platform.ratelimit.RateLimited;
import dev.supportassistant.platform.ratelimit.RequestClients;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.platform.web.Printable;

/**
 * The customer's side of a handoff: ask for a person, see who holds the conversation, and follow
 * the conversation live. Only whoever may see the conversation (its owner, or the holder of an
 * anonymous conversation's id) may do so; to anyone else it does not exist.
 */
@RestController
@RequestMapping("/api/v1/conversation/{conversationId}")
class HandoffController {

    private final HandoffService handoffs;
    private final Conversations conversations;
    private final ConversationEvents events;
    private final RequestClients clients;

    HandoffController(HandoffService handoffs, Conversations conversations, ConversationEvents events,
            RequestClients clients) {
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.events = events;
        this.clients = clients;
    }

    /** The customer's request for a person; reason optional. */
    record HandoffRequest(@Size(max = 500) @Printable(lines = true) @Nullable String reason) {
    }

    /** The "talk to a person" button: escalates now, or reports that a person already has it. */
    @PostMapping("/handoff")
    @RateLimited(RateLimited.Limit.CHAT)
    HandoffViews.Escalation escalate(@PathVariable String conversationId,
            @Valid @RequestBody(required = false) @Nullable HandoffRequest request, Caller caller) {
        requireVisible(conversationId, caller);
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? HandoffService.CUSTOMER_ASKED : request.reason().strip();
        HandoffService.Escalated escalated = handoffs.escalate(conversationId, HandoffCause.CUSTOMER_REQUEST, reason,
                HandoffService.CUSTOMER);
        HandoffState handoff = escalated.handoff();
        return new HandoffViews.Escalation(conversationId, handoff.status(), handoff.cause(), handoff.reason(),
                handoff.requestedAt(), escalated.holdingReply());
    }

    @GetMapping("/handoff")
    HandoffViews.State state(@PathVariable String conversationId, Caller caller) {
        requireVisible(conversationId, caller);
        return HandoffViews.State.of(handoffs.state(conversationId));
    }

    /**
     * Server-sent events of this conversation: {@code message} (every new message, the customer's
     * own included) and {@code status} (it changed hands), as the customer sees them (without the
     * service's internals). {@code Last-Event-ID} (or {@code ?last_event_id=} on a first connection)
     * resumes after that event. Open streams are capped (429 beyond).
     */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String conversationId,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @RequestParam(name = "last_event_id", required = false) @Nullable Long lastEventIdParam, Caller caller,
            HttpServletRequest request) {
        requireVisible(conversationId, caller);
        return events.stream(conversationId,
                lastEventId != null ? lastEventId : Objects.toString(lastEventIdParam, null),
                clients.of(request).key());
    }

    private void requireVisible(String conversationId, Caller caller) {
        if (conversations.visible(conversationId, caller).isEmpty()) {
            throw new UnknownConversationException();
        }
    }
}
