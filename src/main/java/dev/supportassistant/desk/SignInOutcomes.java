package dev.supportassistant.desk;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * What follows a sign-in's password check. A success takes back the attempt the throttle reserved
 * ({@link SignInAttempts}), notes when the session signed in (so that a later password change ends
 * it, see {@link AccountCheck}) and goes where the person was headed; a failure leaves the attempt
 * counted and says only "wrong name or password", whether the name exists, is disabled or the
 * password is wrong. The log says which, with the name (never the password).
 */
final class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInOutcomes.class);

    private final SignInAttempts attempts;
    private final SavedRequestAwareAuthenticationSuccessHandler destination =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignInOutcomes(SignInAttempts attempts) {
        this.attempts = attempts;
        destination.setDefaultTargetUrl("/desk");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (request.getAttribute(SignInThrottle.ATTEMPT) instanceof SignInAttempts.Attempt attempt) {
            try {
                attempts.succeeded(attempt);
            } catch (DataAccessException unavailable) {
                log.warn("Desk sign-in's attempt not taken back: the database is unavailable"); // it stays counted
            }
        }
        log.info("Desk sign-in as {} succeeded", SignInThrottle.loggable(authentication.getName()));
        request.getSession().setAttribute(AccountCheck.SIGNED_IN_AT, Instant.now());
        destination.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        log.info("Desk sign-in as {} failed: {}", SignInThrottle.loggable(request.getParameter("name")),
                exception instanceof DisabledException ? "the account is disabled" : "wrong name or password");
        response.sendRedirect(request.getContextPath() + DeskSecurity.SIGN_IN + "?error");
    }
}
