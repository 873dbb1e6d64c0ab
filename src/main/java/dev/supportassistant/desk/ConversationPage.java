package dev.supportassistant.desk;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.supportassistant.handoff.HandoffViews;
import dev.supportassistant.handoff.SupportDesk;
import dev.supportassistant.screenshare.AgoraSettings;

/**
 * One conversation at the desk: its whole history with its authors told apart, who holds it, the
 * handoff summary, the customer's other conversations, and what the signed-in person may do with
 * it. The page follows the conversation's live events and fetches {@code .../live} again when
 * something happens.
 */
@Controller
@RequestMapping("/desk/conversations/{conversationId}")
class ConversationPage {

    private final SupportDesk desk;
    private final AgoraSettings agora;

    ConversationPage(SupportDesk desk, AgoraSettings agora) {
        this.desk = desk;
        this.agora = agora;
    }

    @GetMapping
    String page(@PathVariable String conversationId, Model model, Authentication authentication,
            HttpServletResponse response) {
        model.addAttribute("since", desk.eventPosition());
        return fill(conversationId, model, authentication, response) ? "desk/conversation" : "desk/missing";
    }

    /** The state and the history alone, for the page to swap in after a live event. */
    @GetMapping("/live")
    String live(@PathVariable String conversationId, Model model, Authentication authentication,
            HttpServletResponse response) {
        return fill(conversationId, model, authentication, response) ? "desk/conversation-live" : "desk/missing";
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable String conversationId,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable String after, Authentication authentication) {
        return desk.conversationEvents(conversationId, lastEventId != null ? lastEventId : after,
                "desk:" + authentication.getName());
    }

    private boolean fill(String conversationId, Model model, Authentication authentication,
            HttpServletResponse response) {
        SignedIn me = SignedIn.of(authentication);
        model.addAttribute("me", me);
        HandoffViews.DeskConversation conversation;
        try {
            conversation = desk.conversation(conversationId);
        } catch (ErrorResponseException notFound) {
            response.setStatus(notFound.getStatusCode().value());
            return false;
        }
        model.addAttribute("conversation", conversation);
        model.addAttribute("customer", QueueCard.customer(conversation.customer()));
        model.addAttribute("state", HeldState.of(conversation.handoff(), me));
        model.addAttribute("history", conversation.messages().stream().map(HistoryEntry::of).toList());
        model.addAttribute("agoraConfigured", agora.isConfigured());
        model.addAttribute("others", desk.customersOtherConversations(conversationId).stream().map(DeskListing.Row::of)
                .toList());
        // Whom it can be assigned to: an enabled account other than the one holding it.
        model.addAttribute("agents", desk.agents().stream()
                .filter(agent -> !agent.equals(conversation.handoff().claimedBy())).toList());
        return true;
    }
}
