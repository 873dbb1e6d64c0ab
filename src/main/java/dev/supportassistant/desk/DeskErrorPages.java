package dev.supportassistant.desk;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The desk's own page for a browser whose desk request was refused or failed on the way (an agent
 * opening the operator's console, a malformed upload, a page that does not exist), in place of a
 * bare status or the API's problem detail: what happened, in the desk's words, and the way back to
 * the queue. The web module's error path asks for it ({@code /error} renders it for paths under
 * {@code /desk}); the desk's headers (its content policy) are already on the response.
 */
@Component
class DeskErrorPages implements ErrorViewResolver {

    @Override
    public @Nullable ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status,
            Map<String, Object> model) {
        String desk = request.getContextPath() + "/desk";
        if (!(model.get("path") instanceof String path) || !(path.equals(desk) || path.startsWith(desk + "/"))) {
            return null;
        }
        boolean console = path.equals(desk + "/console") || path.startsWith(desk + "/console/");
        String given = model.get("detail") instanceof String detail ? detail : status.getReasonPhrase();
        String title;
        String detail;
        switch (status) {
            case FORBIDDEN -> {
                title = console ? "Operators only" : "Access denied";
                detail = console ? "The console is for operators; your account is an agent's."
                        : "Your account may not open this page.";
            }
            case NOT_FOUND -> {
                title = "Not found";
                detail = "There is no such page at the desk.";
            }
            case METHOD_NOT_ALLOWED -> {
                title = "Not found";
                detail = "This page cannot be opened that way.";
            }
            default -> {
                title = status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
                detail = status.is5xxServerError() ? "Something went wrong on the service's side; try again in a "
                        + "moment." : given + (given.endsWith(".") ? "" : ".") + " Nothing was done.";
            }
        }
        return new ModelAndView("desk/error", Map.of("title", title, "detail", detail), status);
    }
}
