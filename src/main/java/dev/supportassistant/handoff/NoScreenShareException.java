package dev.supportassistant.handoff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for the agent's screen-sharing token of a conversation whose customer has not started sharing. */
class NoScreenShareException extends ErrorResponseException {

    NoScreenShareException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The customer has not "
                + "started screen sharing in this conversation (or Agora is not configured)"), null);
    }
}
