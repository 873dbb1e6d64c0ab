package dev.supportassistant.screenshare;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 while Agora credentials are missing: the service works, screen sharing does not, and the
 * operator learns which variables to set. Names the variables, never their values.
 */
class ScreenShareNotConfiguredException extends ErrorResponseException {

    static final String DETAIL = "Screen sharing is not configured: set AGORA_APP_ID and AGORA_APP_CERTIFICATE";

    ScreenShareNotConfiguredException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL),
                null);
    }
}
