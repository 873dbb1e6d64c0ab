package dev.supportassistant.desk;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The desk's sign-in form ("Name", "Password", "Sign in"), and why the person is back at it. */
@Controller
class SignInPage {

    @GetMapping(DeskSecurity.SIGN_IN)
    String signIn(@RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable Long throttled,
            @RequestParam(name = "ended", required = false) @Nullable String ended,
            @RequestParam(name = "signed-out", required = false) @Nullable String signedOut,
            @RequestParam(required = false) @Nullable String expired,
            @Nullable Authentication authentication,
            Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/desk";
        }
        if (throttled != null) {
            model.addAttribute("problem", "Too many failed sign-ins. Try again in " + throttled + " seconds.");
        } else if (error != null) {
            model.addAttribute("problem", "Wrong name or password.");
        } else if (ended != null) {
            model.addAttribute("problem", "Your session ended: the account was disabled or its password changed. "
                    + "Sign in again.");
        } else if (expired != null) {
            model.addAttribute("problem", "Your session expired; please sign in again.");
        } else if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "desk/sign-in";
    }
}
