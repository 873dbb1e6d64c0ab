package dev.supportassistant.desk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.supportassistant.handoff.HandoffStatus;
import dev.supportassistant.handoff.HandoffViews;
import dev.supportassistant.handoff.SupportDesk;

/**
 * The Conversations page: every conversation, most recently active first, filtered by who holds
 * it and searched by a word of its messages, its id or its customer's id, a page at a time. The
 * queue shows what needs a person now; this page finds yesterday's conversation. Like the queue, the
 * page follows the desk's live stream and fetches its list again ({@code /desk/conversations/live})
 * when a conversation changes hands or a person's conversation gets a message.
 */
@Controller
class DeskListing {

    /** The longest search the desk takes: a few words or an id. */
    static final int MAX_QUERY_CHARS = 200;
    /** The furthest page: an offset no search needs, bounded before the database sees it. */
    static final int MAX_PAGE = 10_000;
    private static final int PREVIEW_CHARS = 160;
    /** The filters, by wire name, as the page names them. */
    static final Map<String, String> STATES = states();

    private final SupportDesk desk;

    DeskListing(SupportDesk desk) {
        this.desk = desk;
    }

    /** A row of the list, as the page shows it. */
    record Row(String conversationId, String customer, String lastMessage, String status, String state,
            @Nullable String holder, Instant lastActivity, boolean afterHours) {

        static Row of(HandoffViews.ListedConversation listed) {
            return new Row(listed.conversationId(), QueueCard.customer(new HandoffViews.Customer(listed.userId(),
                    listed.userIdVerified(), null, null)),
                    listed.lastMessage() == null ? "(no message)" : preview(listed),
                    listed.status().wireName(),
                    STATES.get(listed.status().wireName()), listed.claimedBy(), listed.lastActivity(),
                    listed.afterHours());
        }
    }

    /** The customer's words as they wrote them, an answer's without its Markdown marks; cut to one or two lines. */
    private static String preview(HandoffViews.ListedConversation listed) {
        String text = listed.lastMessageByCustomer() ? listed.lastMessage() : AnswerMarkdown.plain(listed.lastMessage());
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS - 1) + "…";
    }

    @GetMapping("/desk/conversations")
    String list(@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") String page, Model model, Authentication authentication) {
        model.addAttribute("since", desk.eventPosition());
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("states", STATES);
        fill(state, q, page, model);
        return "desk/conversations";
    }

    /** The list alone, for the page to swap in after a live event on the desk's stream. */
    @GetMapping("/desk/conversations/live")
    String live(@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") String page, Model model) {
        fill(state, q, page, model);
        return "desk/conversations :: listing";
    }

    private void fill(@Nullable String state, @Nullable String q, String page, Model model) {
        model.addAttribute("state", state == null || state.isBlank() ? "" : state);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", page);
        try {
            HandoffViews.ConversationList list = desk.conversations(status(state), query(q), page(page));
            model.addAttribute("list", list);
            model.addAttribute("rows", list.conversations().stream().map(Row::of).toList());
        } catch (InvalidDeskRequestException invalid) {
            model.addAttribute("problem", invalid.getBody().getDetail());
            model.addAttribute("rows", List.of());
        }
    }

    /** The status a filter names; none for a blank one; 422 for any other. */
    static @Nullable HandoffStatus status(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return HandoffStatus.fromWireName(state.strip()).orElseThrow(() -> new InvalidDeskRequestException(
                "state: must be one of " + String.join(", ", STATES.keySet())));
    }

    private static @Nullable String query(@Nullable String q) {
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw new InvalidDeskRequestException("Search: at most " + MAX_QUERY_CHARS + " characters");
        }
        return q;
    }

    private static int page(String page) {
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 0 && number <= MAX_PAGE) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidDeskRequestException("page: must be a number from 0 to " + MAX_PAGE);
    }

    private static Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        states.put(HandoffStatus.WAITING_FOR_HUMAN.wireName(), "Waiting");
        states.put(HandoffStatus.WITH_HUMAN.wireName(), "With a person");
        states.put(HandoffStatus.RESOLVED.wireName(), "Resolved");
        states.put(HandoffStatus.BOT.wireName(), "AI only");
        return Collections.unmodifiableMap(states);
    }
}
