package dev.supportassistant.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: an account of that name exists already. */
class AccountConflictException extends ErrorResponseException {

    AccountConflictException(String name) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "An account named '" + name + "' exists already"), null);
    }
}
