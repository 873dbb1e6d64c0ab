package dev.supportassistant.desk;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import dev.supportassistant.ratelimit.ClientKeys;

/**
 * What follows a sign-in. A success notes when the session signed in (so that a later password
 * change ends it, see {@link AccountCheck}) and goes where the person was headed; a failure counts
 * against the name and the client ({@link SignInAttempts}) and says only "wrong name or password",
 * whether the name exists, is disabled or the password is wrong.
 */
final class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final SignInAttempts attempts;
    private final ClientKeys clients;
    private final SavedRequestAwareAuthenticationSuccessHandler destination =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignInOutcomes(SignInAttempts attempts, ClientKeys clients) {
        this.attempts = attempts;
        this.clients = clients;
        destination.setDefaultTargetUrl("/desk");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        attempts.succeeded(authentication.getName());
        request.getSession().setAttribute(AccountCheck.SIGNED_IN_AT, Instant.now());
        destination.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        attempts.failed(request.getParameter("name"), clients.of(request));
        response.sendRedirect(request.getContextPath() + DeskSecurity.SIGN_IN + "?error");
    }
}
