package dev.supportassistant.desk.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.supportassistant.desk.SignedIn;
import dev.supportassistant.knowledge.KnowledgeGaps;

/**
 * What customers ask that the knowledge base does not answer, as {@code /api/v1/knowledge/gaps}
 * lists it: each gap's count, last date and example questions (the customers' words), and an
 * Answer form whose text becomes a knowledge document and closes the gap.
 */
@Controller
class GapsConsole {

    private static final String PAGE = "/desk/console/gaps";

    private final KnowledgeGaps gaps;

    GapsConsole(KnowledgeGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping(PAGE)
    String list(Model model, Authentication authentication) {
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("gaps", gaps.open());
        return "desk/console/gaps";
    }

    @PostMapping(PAGE + "/{id}/answer")
    String answer(@PathVariable String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String answer, RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> "Added '" + gaps.answer(id, title, answer).title()
                + "' to the knowledge base; the next customer who asks is answered from it.");
    }
}
