package dev.supportassistant.desk.console;

import java.util.function.Supplier;

import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a console action and says how it went on the page it returns to: the action's own notice,
 * or the refusal's detail (the same words the API answers with).
 */
final class ConsoleSteps {

    private ConsoleSteps() {
    }

    static String run(RedirectAttributes flash, String page, Supplier<String> step) {
        try {
            flash.addFlashAttribute("notice", step.get());
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:" + page;
    }
}
