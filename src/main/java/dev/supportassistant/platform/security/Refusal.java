package dev.supportassistant.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.web.ErrorResponseException;

/**
 * A request the security refuses, with the status and the {@code detail} that say why. An access
 * rule returns it as its decision, which Spring Security carries in its
 * {@link org.springframework.security.authorization.AuthorizationDeniedException}, so that
 * {@link SecurityRefusals} answers in the rule's words instead of a generic "Access Denied".
 */
final class Refusal extends ErrorResponseException implements AuthorizationResult {

    private Refusal(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** 401: credentials are missing or wrong; the answer asks for a bearer credential. */
    static Refusal unauthorized(String detail) {
        Refusal refusal = new Refusal(HttpStatus.UNAUTHORIZED, detail);
        refusal.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return refusal;
    }

    /** 403: no credential would help (the caller is known but not allowed, or the endpoint is off). */
    static Refusal forbidden(String detail) {
        return new Refusal(HttpStatus.FORBIDDEN, detail);
    }

    static Refusal badRequest(String detail) {
        return new Refusal(HttpStatus.BAD_REQUEST, detail);
    }

    static Refusal tooManyKeyAttempts(long waitSeconds) {
        Refusal refusal = new Refusal(HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts with an admin API "
                + "key from this client; try again in " + waitSeconds + " seconds");
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        return refusal;
    }

    /** 503: the database that counts admin-key attempts (PostgreSQL) cannot be reached. */
    static Refusal databaseUnavailable() {
        Refusal refusal = new Refusal(HttpStatus.SERVICE_UNAVAILABLE,
                "The service's database is unavailable; try again in a moment");
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return refusal;
    }

    @Override
    public boolean isGranted() {
        return false;
    }
}
