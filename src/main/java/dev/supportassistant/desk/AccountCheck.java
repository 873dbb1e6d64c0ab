package dev.supportassistant.desk;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.supportassistant.accounts.DeskAccount;
import dev.supportassistant.accounts.DeskAccounts;

/**
 * Ends a signed-in session whose account was disabled, deleted or given a new password since it
 * signed in: an operator who disables an account expects its open desk to stop working now, not
 * when the session times out. One lookup by primary key per desk request.
 */
final class AccountCheck extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = AccountCheck.class.getName() + ".signedInAt";

    private final DeskAccounts accounts;

    AccountCheck(DeskAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && !stillValid(authentication, request)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + DeskSecurity.SIGN_IN + "?ended");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Authentication authentication, HttpServletRequest request) {
        Optional<DeskAccount> account = accounts.find(authentication.getName());
        HttpSession session = request.getSession(false);
        Object signedInAt = session == null ? null : session.getAttribute(SIGNED_IN_AT);
        return account.isPresent() && account.get().enabled() && signedInAt instanceof Instant at
                && !account.get().passwordChangedAt().isAfter(at);
    }
}
