package dev.supportassistant.desk;

import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.handoff.HandoffStatus;
import dev.supportassistant.handoff.HandoffViews;
import dev.supportassistant.handoff.SupportDesk;
import dev.supportassistant.platform.ratelimit.RequestClients;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.platform.web.Printable;
import dev.supportassistant.screenshare.TokenGrant;

/**
 * The support desk's API, beside its web pages: the queue of conversations waiting for a person,
 * and what an agent does with one: claim it, reply, hand it back to the assistant, resolve it.
 * Staff only: the admin key, or a support agent's token (whose subject is the name the agent acts
 * under); the security module's access rules guard {@code /api/v1/desk}. The steps and their rules
 * are the handoff module's ({@link SupportDesk}).
 */
@RestController
@RequestMapping("/api/v1/desk")
class DeskApiController {

    private final SupportDesk desk;
    private final RequestClients clients;

    DeskApiController(SupportDesk desk, RequestClients clients) {
        this.desk = desk;
        this.clients = clients;
    }

    /** An agent's reply to the customer. */
    record DeskReply(@NotBlank @Size(max = 4000) @Printable(lines = true) String content) {
    }

    /** Why a conversation is handed back or resolved; optional. */
    record DeskNote(@Size(max = 500) @Printable(lines = true) @Nullable String reason) {
    }

    /** Conversations in a status (default: waiting for a person), longest waiting first. */
    @GetMapping("/conversations")
    HandoffViews.Queue queue(@RequestParam(defaultValue = "waiting_for_human") String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        HandoffStatus wanted = HandoffStatus.fromWireName(status).orElseThrow(() -> new InvalidDeskRequestException(
                "status: must be one of waiting_for_human, with_human, resolved, bot"));
        return desk.queue(wanted, limit);
    }

    @GetMapping("/conversations/{conversationId}")
    HandoffViews.DeskConversation conversation(@PathVariable String conversationId) {
        return desk.conversation(conversationId);
    }

    /**
     * Every conversation, most recently active first, 25 a page: {@code state} ({@code waiting_for_human},
     * {@code with_human}, {@code resolved}, {@code bot}: the AI holds it) and {@code q} (a conversation
     * id, a customer id, or words of its messages) narrow it; {@code page} from 0.
     */
    @GetMapping("/search")
    HandoffViews.ConversationList search(@RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Size(max = DeskListing.MAX_QUERY_CHARS) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(DeskListing.MAX_PAGE) int page) {
        return desk.conversations(DeskListing.status(state), q, page);
    }

    /** The customer's other conversations (same {@code user_id}), latest first, at most 20. */
    @GetMapping("/conversations/{conversationId}/customer-conversations")
    List<HandoffViews.ListedConversation> customersOthers(@PathVariable String conversationId) {
        return desk.customersOtherConversations(conversationId);
    }

    /** Puts a resolved conversation back in the queue, waiting for a person. */
    @PostMapping("/conversations/{conversationId}/reopen")
    HandoffViews.State reopen(@PathVariable String conversationId, Caller caller) {
        return desk.reopen(conversationId, name(caller));
    }

    /** Who to give a conversation to: an enabled desk account's name. */
    record Assignment(@NotBlank @Size(max = 64) @Printable String to) {
    }

    /** Gives the conversation to another agent; a system note says who moved it. */
    @PostMapping("/conversations/{conversationId}/transfer")
    HandoffViews.State transfer(@PathVariable String conversationId, @Valid @RequestBody Assignment assignment,
            Caller caller) {
        return desk.transfer(conversationId, assignment.to(), name(caller), caller.admin());
    }

    /** Takes a waiting conversation; 409 when another agent has it or it is not waiting. */
    @PostMapping("/conversations/{conversationId}/claim")
    HandoffViews.Claim claim(@PathVariable String conversationId, Caller caller) {
        return desk.claim(conversationId, name(caller));
    }

    /**
     * The support agent's subscriber token for the customer's screen share (the latest session's
     * channel and agent uid), fresh, e.g. to renew it; 404 when the customer has not started one.
     */
    @PostMapping("/conversations/{conversationId}/screen-share")
    TokenGrant screenShare(@PathVariable String conversationId) {
        return desk.screenShare(conversationId);
    }

    /** Replies to the customer, as the agent holding the conversation. */
    @PostMapping("/conversations/{conversationId}/messages")
    ResponseEntity<ChatMessage> reply(@PathVariable String conversationId, @Valid @RequestBody DeskReply reply,
            Caller caller) {
        return ResponseEntity.status(201).body(desk.reply(conversationId, name(caller), reply.content()));
    }

    /** Gives the conversation back to the assistant, which answers the customer's next message. */
    @PostMapping("/conversations/{conversationId}/hand-back")
    HandoffViews.State handBack(@PathVariable String conversationId,
            @Valid @RequestBody(required = false) @Nullable DeskNote note, Caller caller) {
        return desk.handBack(conversationId, name(caller), caller.admin(), note == null ? null : note.reason());
    }

    /** Marks the customer's problem solved; their next message is answered by the assistant again. */
    @PostMapping("/conversations/{conversationId}/resolve")
    HandoffViews.State resolve(@PathVariable String conversationId,
            @Valid @RequestBody(required = false) @Nullable DeskNote note, Caller caller) {
        return desk.resolve(conversationId, name(caller), caller.admin(), note == null ? null : note.reason());
    }

    /**
     * Server-sent events for the desk: every {@code status} change of any conversation, and the
     * {@code message}s of conversations waiting for or with a person. Resumes with {@code Last-Event-ID}.
     */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @RequestParam(name = "last_event_id", required = false) @Nullable Long lastEventIdParam,
            HttpServletRequest request) {
        return desk.queueEvents(lastEventId != null ? lastEventId : Objects.toString(lastEventIdParam, null),
                clients.of(request).key());
    }

    /** Without credentials (DEBUG=true and nothing configured) the desk acts as the operator. */
    private static String name(Caller caller) {
        return caller.staffName() != null ? caller.staffName() : Caller.ADMIN_NAME;
    }
}
