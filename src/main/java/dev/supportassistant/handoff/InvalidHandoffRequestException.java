package dev.supportassistant.handoff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: a desk step names something that is not there, such as an agent with no enabled account to transfer to. */
class InvalidHandoffRequestException extends ErrorResponseException {

    InvalidHandoffRequestException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail),
                null);
    }
}
