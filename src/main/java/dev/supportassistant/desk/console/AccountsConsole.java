package dev.supportassistant.desk.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.supportassistant.accounts.DeskAccounts;
import dev.supportassistant.desk.SignedIn;

/**
 * The desk's accounts, as {@code /api/v1/desk/agents} manages them: create one, disable or enable
 * it, set a new password. An operator cannot disable their own account here (they would lock
 * themselves out mid-click), so the page offers no Disable button on it; another operator or the
 * admin key can.
 */
@Controller
class AccountsConsole {

    private static final String PAGE = "/desk/console/accounts";

    private final DeskAccounts accounts;

    AccountsConsole(DeskAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PAGE)
    String list(Model model, Authentication authentication) {
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("accounts", accounts.list());
        return "desk/console/accounts";
    }

    @PostMapping(PAGE)
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "agent") String role, RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> "Created " + accounts.create(name, password, role).name()
                + "; give them the password in person or through a password manager.");
    }

    @PostMapping(PAGE + "/{name}/enabled")
    String setEnabled(@PathVariable String name, @RequestParam boolean enabled, Authentication authentication,
            RedirectAttributes flash) {
        if (!enabled && SignedIn.of(authentication).isOwn(name)) {
            flash.addFlashAttribute("problem", "You cannot disable your own account.");
            return "redirect:" + PAGE;
        }
        return ConsoleSteps.run(flash, PAGE, () -> accounts.setEnabled(name, enabled).name()
                + (enabled ? " can sign in again." : " is disabled; their open desk closes at its next request."));
    }

    @PostMapping(PAGE + "/{name}/password")
    String resetPassword(@PathVariable String name, @RequestParam(defaultValue = "") String password,
            RedirectAttributes flash) {
        return ConsoleSteps.run(flash, PAGE, () -> "Set a new password for " + accounts.resetPassword(name, password)
                .name() + "; their open sessions have ended.");
    }
}
