package dev.supportassistant.platform.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A denied access that says why: the status and the {@code detail} the client reads. The access
 * rules return it as their decision, so {@link SecurityRefusals} answers each refusal in the rule's
 * own words instead of a generic "Access Denied".
 *
 * @param challenge whether the answer asks for a bearer credential ({@code WWW-Authenticate: Bearer})
 * @param retryAfterSeconds the {@code Retry-After} of a 429 or 503, else 0
 */
final class Refusal extends AuthorizationDecision {

    private final HttpStatus status;
    private final String detail;
    private final boolean challenge;
    private final long retryAfterSeconds;

    private Refusal(HttpStatus status, String detail, boolean challenge, long retryAfterSeconds) {
        super(false);
        this.status = status;
        this.detail = detail;
        this.challenge = challenge;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 401: credentials are missing or wrong; the answer asks for a bearer credential. */
    static Refusal unauthorized(String detail) {
        return new Refusal(HttpStatus.UNAUTHORIZED, detail, true, 0);
    }

    /** 403: no credential would help (the caller is known but not allowed, or the endpoint is off). */
    static Refusal forbidden(String detail) {
        return new Refusal(HttpStatus.FORBIDDEN, detail, false, 0);
    }

    static Refusal badRequest(String detail) {
        return new Refusal(HttpStatus.BAD_REQUEST, detail, false, 0);
    }

    static Refusal tooManyKeyAttempts(long waitSeconds) {
        return new Refusal(HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts with an admin API key from this "
                + "client; try again in " + waitSeconds + " seconds", false, waitSeconds);
    }

    /** 503: the database that counts admin-key attempts (PostgreSQL) cannot be reached. */
    static Refusal databaseUnavailable() {
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "The service's database is unavailable; try again in a moment",
                false, 5);
    }

    HttpStatus status() {
        return status;
    }

    String detail() {
        return detail;
    }

    boolean challenge() {
        return challenge;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String toString() {
        return "Refusal[" + status.value() + ", " + detail + "]";
    }
}
