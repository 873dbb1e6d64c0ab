package dev.supportassistant.stats;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422 for a statistics window that is no window: an unreadable instant, or a start after the end. */
class InvalidWindowException extends ErrorResponseException {

    InvalidWindowException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail),
                null);
    }
}
