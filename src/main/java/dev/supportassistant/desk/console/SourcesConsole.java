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
import dev.supportassistant.knowledge.WebSources;

/**
 * The knowledge base's web sources, as {@code /api/v1/knowledge/sources} manages them: each with its
 * pages, its last sync and its errors; add one (read at once), "Sync now", remove one.
 */
@Controller
class SourcesConsole {

    private static final String PAGE = "/desk/console/sources";

    private final WebSources sources;

    SourcesConsole(WebSources sources) {
        this.sources = sources;
    }

    @GetMapping(PAGE)
    String list(Model model, Authentication authentication) {
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("sources", sources.list());
        return "desk/console/sources";
    }

    @PostMapping(PAGE)
    String add(@RequestParam(defaultValue = "") String url, RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> {
            var added = sources.add(url);
            sources.requestSync(added.id());
            return "Added " + added.url() + "; its pages are being read. Reload this page to see them.";
        });
    }

    @PostMapping(PAGE + "/{id}/sync")
    String sync(@PathVariable String id, RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> sources.requestSync(id)
                ? "Sync started. Reload this page to see what it found."
                : "A sync of this source is under way already.");
    }

    @PostMapping(PAGE + "/{id}/delete")
    String remove(@PathVariable String id, RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> {
            sources.remove(id);
            return "Removed the source and its pages.";
        });
    }
}
