package dev.supportassistant.desk;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.supportassistant.ratelimit.ClientKeys;

/**
 * Refuses a sign-in before the password is checked when its name or client has failed too often
 * lately ({@link SignInAttempts}): back to the sign-in page, which says how long to wait.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private final SignInAttempts attempts;
    private final ClientKeys clients;

    SignInThrottle(SignInAttempts attempts, ClientKeys clients) {
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
        long wait = attempts.waitSeconds(request.getParameter("name"), clients.of(request));
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            response.sendRedirect(request.getContextPath() + DeskSecurity.SIGN_IN + "?throttled=" + wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
