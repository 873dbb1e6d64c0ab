package dev.supportassistant.desk;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422 for a desk request with a value the desk does not know, e.g. an unknown status. */
class InvalidDeskRequestException extends ErrorResponseException {

    InvalidDeskRequestException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail),
                null);
    }
}
