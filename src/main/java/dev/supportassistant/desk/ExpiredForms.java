package dev.supportassistant.desk;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A desk form posted with a CSRF token its session no longer knows: the page was left open past the
 * session's end, or across a restart. The person is sent to the sign-in page, which says so,
 * instead of a bare 403; any other refusal is the usual 403.
 */
final class ExpiredForms implements AccessDeniedHandler {

    static final String EXPIRED = "expired";

    private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException && acceptsPages(request)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + DeskSecurity.SIGN_IN + "?" + EXPIRED);
            return;
        }
        refusal.handle(request, response, denied);
    }

    /** A browser's form post, not a script's request (those keep the 403 they can act on). */
    private static boolean acceptsPages(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
