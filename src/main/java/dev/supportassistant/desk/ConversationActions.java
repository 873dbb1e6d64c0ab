package dev.supportassistant.desk;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.supportassistant.handoff.SupportDesk;

/**
 * The desk's buttons: Claim, Send (a reply), Hand back to AI, Resolve, Reopen, Assign to. Each is
 * a form post that comes back to a page saying what happened, or why not (the handoff rules' own
 * words: "already claimed by bob").
 */
@Controller
@RequestMapping("/desk/conversations/{conversationId}")
class ConversationActions {

    static final int MAX_REPLY_CHARS = 4000;
    private static final String BACK = "redirect:/desk/conversations/{conversationId}";

    private final SupportDesk desk;

    ConversationActions(SupportDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/claim")
    String claim(@PathVariable String conversationId, Authentication authentication, RedirectAttributes flash) {
        return attempt(flash, BACK, () -> {
            desk.claim(conversationId, authentication.getName());
            return "You claimed the conversation; the customer sees that you joined.";
        });
    }

    @PostMapping("/reply")
    String reply(@PathVariable String conversationId, @RequestParam(defaultValue = "") String content,
            Authentication authentication, RedirectAttributes flash) {
        if (content.isBlank() || content.length() > MAX_REPLY_CHARS) {
            flash.addFlashAttribute("problem", content.isBlank() ? "Write a reply before sending it."
                    : "A reply has at most " + MAX_REPLY_CHARS + " characters; this one has " + content.length() + ".");
            flash.addFlashAttribute("draft", content);
            return BACK;
        }
        String result = attempt(flash, BACK, () -> {
            desk.reply(conversationId, authentication.getName(), content);
            return null;
        });
        if (flash.getFlashAttributes().containsKey("problem")) {
            flash.addFlashAttribute("draft", content);
        }
        return result;
    }

    @PostMapping("/hand-back")
    String handBack(@PathVariable String conversationId, @RequestParam(required = false) @Nullable String note,
            Authentication authentication, RedirectAttributes flash) {
        return attempt(flash, "redirect:/desk", () -> {
            desk.handBack(conversationId, authentication.getName(), SignedIn.of(authentication).operator(),
                    blankToNull(note));
            return "You handed the conversation back to the AI assistant.";
        });
    }

    @PostMapping("/resolve")
    String resolve(@PathVariable String conversationId, @RequestParam(required = false) @Nullable String note,
            Authentication authentication, RedirectAttributes flash) {
        return attempt(flash, "redirect:/desk", () -> {
            desk.resolve(conversationId, authentication.getName(), SignedIn.of(authentication).operator(),
                    blankToNull(note));
            return "You resolved the conversation.";
        });
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable String conversationId, Authentication authentication, RedirectAttributes flash) {
        return attempt(flash, BACK, () -> {
            desk.reopen(conversationId, authentication.getName());
            return "You reopened the conversation; it waits for a person in the queue.";
        });
    }

    @PostMapping("/assign")
    String assign(@PathVariable String conversationId, @RequestParam(defaultValue = "") String to,
            Authentication authentication, RedirectAttributes flash) {
        return attempt(flash, BACK, () -> {
            desk.transfer(conversationId, to, authentication.getName(), SignedIn.of(authentication).operator());
            return "You assigned the conversation to " + to.strip() + ".";
        });
    }

    /**
     * Runs a step; on success goes to {@code next} with its notice (if it has one), else back to the
     * conversation with the reason.
     */
    private static String attempt(RedirectAttributes flash, String next,
            java.util.function.Supplier<@Nullable String> step) {
        try {
            String notice = step.get();
            if (notice != null) {
                flash.addFlashAttribute("notice", notice);
            }
            return next;
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
            return BACK;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
