package dev.supportassistant.desk.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.supportassistant.desk.SavedReplies;
import dev.supportassistant.desk.SignedIn;

/**
 * The saved replies the desk inserts into its Reply box, as {@code /api/v1/desk/saved-replies}
 * manages them: add one, change its title or text, delete it. The same rules and refusals as the API.
 */
@Controller
class SavedRepliesConsole {

    private static final String PAGE = "/desk/console/saved-replies";

    private final SavedReplies replies;

    SavedRepliesConsole(SavedReplies replies) {
        this.replies = replies;
    }

    @GetMapping(PAGE)
    String list(Model model, Authentication authentication) {
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("replies", replies.list());
        return "desk/console/saved-replies";
    }

    @PostMapping(PAGE)
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String text,
            RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> "Saved \"" + replies.create(title, text).title() + "\".");
    }

    @PostMapping(PAGE + "/{id}")
    String update(@PathVariable String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String text, RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> "Changed \"" + replies.update(id, title, text).title() + "\".");
    }

    @PostMapping(PAGE + "/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> "Deleted \"" + replies.delete(id).title() + "\".");
    }
}
