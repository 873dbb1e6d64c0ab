package dev.supportassistant.desk;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.supportassistant.handoff.HandoffStatus;
import dev.supportassistant.handoff.SupportDesk;

/**
 * The desk's home: conversations waiting for a person, oldest first, and those people hold. The
 * page follows the desk's live stream and fetches the lists again ({@code /desk/queue}) when
 * anything changes, so a new conversation appears without a reload. A desk page's stream starts
 * {@code after} the events' position read before the page was: what happens while the page loads
 * is replayed to it, not lost.
 */
@Controller
@RequestMapping("/desk")
class QueuePage {

    static final int LIMIT = 100;

    private final SupportDesk desk;

    QueuePage(SupportDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    String queue(Model model, Authentication authentication) {
        model.addAttribute("since", desk.eventPosition());
        fill(model, authentication);
        return "desk/queue";
    }

    /** The lists alone, for the page to swap in after a live event. */
    @GetMapping("/queue")
    String lists(Model model, Authentication authentication) {
        fill(model, authentication);
        return "desk/queue :: lists";
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable String after, Authentication authentication) {
        return desk.queueEvents(lastEventId != null ? lastEventId : after, "desk:" + authentication.getName());
    }

    private void fill(Model model, Authentication authentication) {
        List<QueueCard> waiting = cards(HandoffStatus.WAITING_FOR_HUMAN);
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("waiting", waiting);
        model.addAttribute("withPeople", cards(HandoffStatus.WITH_HUMAN));
    }

    private List<QueueCard> cards(HandoffStatus status) {
        return desk.queue(status, LIMIT).conversations().stream().map(QueueCard::of).toList();
    }
}
