package dev.supportassistant.desk;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Answers a desk form whose CSRF token is missing or belongs to no current session: most often a
 * page left open past the session's 8 hours or across a restart, or loaded before signing in again
 * in another tab. A page the person submitted gets a page back, never a bare 403: without a
 * session, the sign-in page saying the session expired; still signed in, the page the form was on
 * (its referrer, else the queue) saying nothing was done. Either way the post is dropped, as CSRF
 * protection requires. A script's request (not asking for HTML) stays a 403, with a problem detail
 * from {@code ApiExceptionHandler} like the API's.
 *
 * <p>The message for the page travels as a flash attribute in the session, where Spring MVC's
 * default {@link SessionFlashMapManager} finds it for the next page.
 */
final class StaleForms implements AccessDeniedHandler {

    static final String OUT_OF_DATE = "That page was out of date, so nothing was done: try again.";
    static final String NO_VALID_TOKEN = "No valid CSRF token for this session: reload the page for a new one";

    private final HandlerExceptionResolver errors;
    private final MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    private final DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();
    private final SessionFlashMapManager flash = new SessionFlashMapManager();
    private final AuthenticationTrustResolver people = new AuthenticationTrustResolverImpl();

    StaleForms(HandlerExceptionResolver errors) {
        this.errors = errors;
        pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        redirects.setStatusCode(HttpStatus.SEE_OTHER);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (!pages.matches(request)) {
            errors.resolveException(request, response, null, new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, NO_VALID_TOKEN), denied));
        } else if (people.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            String page = referringPage(request);
            FlashMap message = new FlashMap();
            message.put("problem", OUT_OF_DATE);
            message.setTargetRequestPath(request.getContextPath() + page);
            flash.saveOutputFlashMap(message, request, response);
            redirects.sendRedirect(request, response, page);
        } else {
            redirects.sendRedirect(request, response, DeskSecurity.SIGN_IN + "?expired");
        }
    }

    /** The desk page the form was on, by the path of its referrer; the queue when there is none. */
    private static String referringPage(HttpServletRequest request) {
        String referrer = request.getHeader("Referer");
        try {
            String path = referrer == null ? null : URI.create(referrer).normalize().getPath();
            String prefix = request.getContextPath() + "/desk";
            if (path != null && (path.equals(prefix) || path.startsWith(prefix + "/"))
                    && !path.startsWith(request.getContextPath() + DeskSecurity.SIGN_IN)) {
                return path.substring(request.getContextPath().length());
            }
        } catch (IllegalArgumentException malformed) {
            // A referrer that is no URI names no page: the queue.
        }
        return "/desk";
    }
}
