package dev.supportassistant.screenshots;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422 for {@code ?guidance=} naming a message of the conversation that points at nothing on this screenshot. */
class NoScreenGuidanceException extends ErrorResponseException {

    NoScreenGuidanceException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                detail), null);
    }
}
