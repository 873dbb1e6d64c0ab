package dev.supportassistant.chat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for renewing a screen-sharing token in a conversation where screen sharing never started. */
class NoScreenShareException extends ErrorResponseException {

    NoScreenShareException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This conversation has no "
                + "screen-sharing session; start one with POST /api/v1/conversation/{id}/screen-share"), null);
    }
}
