package dev.supportassistant.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.web.ErrorResponseException;

/**
 * A request the security refuses, with the status and the {@code detail} that say why. An access
 * rule returns it as its decision, which Spring Security hands on in its
 * {@link org.springframework.security.authorization.AuthorizationDeniedException}, so that
 * {@link SecurityRefusals} answers in the rule's words instead of a generic "Access Denied".
 */
final class Refusal extends ErrorResponseException implements AuthorizationResult {

    private Refusal(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** 401: credentials are missing or wrong; the answer asks for a bearer credential. */
    static Refusal unauthorized(String detail) {
        return new Refusal(HttpStatus.UNAUTHORIZED, detail).with(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /** 403: no credential would help (the caller is known but not allowed, or the endpoint is off). */
    static Refusal forbidden(String detail) {
        return new Refusal(HttpStatus.FORBIDDEN, detail);
    }

    static Refusal badRequest(String detail) {
        return new Refusal(HttpStatus.BAD_REQUEST, detail);
    }

    static Refusal tooManyKeyAttempts(long waitSeconds) {
        return new Refusal(HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts with an admin API key from this "
                + "client; try again in " + waitSeconds + " seconds").with(HttpHeaders.RETRY_AFTER, waitSeconds);
    }

    /** 503: the database that counts admin-key attempts (PostgreSQL) cannot be reached. */
    static Refusal databaseUnavailable() {
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "The service's database is unavailable; try again in a "
                + "moment").with(HttpHeaders.RETRY_AFTER, 5);
    }

    private Refusal with(String header, Object value) {
        getHeaders().set(header, value.toString());
        return this;
    }

    @Override
    public boolean isGranted() {
        return false;
    }
}
