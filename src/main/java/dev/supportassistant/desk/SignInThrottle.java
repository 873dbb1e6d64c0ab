package dev.supportassistant.desk;

import java.io.IOException;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import dev.supportassistant.accounts.DeskAccount;

/**
 * Decides, before any password is checked, whether a sign-in may go on to its check: a name no
 * account can have (longer than {@value DeskAccount#MAX_NAME_CHARS} characters, say) is a wrong
 * name at once, without a lookup, and a name or client that has failed too often lately
 * ({@link SignInAttempts}) goes back to the sign-in page, which says how long to wait. Otherwise
 * the attempt is reserved, and {@link SignInOutcomes} settles it. Each sign-in is logged under its
 * own route ({@code POST /desk/sign-in}), and one that is refused here with the name it tried.
 */
final class SignInThrottle extends OncePerRequestFilter {

    /** The request attribute holding the reserved {@link SignInAttempts.Attempt}. */
    static final String ATTEMPT = SignInThrottle.class.getName() + ".attempt";

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInAttempts attempts;
    private final Function<HttpServletRequest, String> clients;

    /** @param clients who a request's client is, as per-client caps count them */
    SignInThrottle(SignInAttempts attempts, Function<HttpServletRequest, String> clients) {
        this.attempts = attempts;
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && DeskSecurity.SIGN_IN.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Spring Security answers the sign-in before any controller: name the route for the request log.
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, DeskSecurity.SIGN_IN);
        String name = request.getParameter("name");
        boolean possible = DeskAccount.couldBeName(name);
        SignInAttempts.Verdict verdict;
        try {
            verdict = attempts.reserve(possible ? name : null, clients.apply(request));
        } catch (DataAccessException unavailable) { // on PostgreSQL the attempts are counted there
            log.warn("Desk sign-in refused: the database is unavailable");
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (verdict.waitSeconds() > 0) {
            log.info("Desk sign-in as {} refused: too many failed sign-ins, {} s to wait", loggable(name),
                    verdict.waitSeconds());
            response.setHeader("Retry-After", Long.toString(verdict.waitSeconds()));
            response.sendRedirect(request.getContextPath() + DeskSecurity.SIGN_IN + "?throttled="
                    + verdict.waitSeconds());
        } else if (!possible) {
            log.info("Desk sign-in as {} failed: no account can have that name", loggable(name));
            response.sendRedirect(request.getContextPath() + DeskSecurity.SIGN_IN + "?error");
        } else {
            request.setAttribute(ATTEMPT, verdict.attempt());
            chain.doFilter(request, response);
        }
    }

    /** The name as the log shows it: quoted when it could be an account's, never anything else a client typed. */
    static String loggable(@Nullable String name) {
        return DeskAccount.couldBeName(name) ? "'" + name.strip() + "'" : "a name no account can have";
    }
}
