package dev.supportassistant.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: a name, password or role that {@link AccountRules} refuses; the detail says which and why. */
class InvalidAccountException extends ErrorResponseException {

    InvalidAccountException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail), null);
    }
}
