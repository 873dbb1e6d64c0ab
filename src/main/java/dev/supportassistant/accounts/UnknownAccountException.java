package dev.supportassistant.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no account of that name. */
class UnknownAccountException extends ErrorResponseException {

    UnknownAccountException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Account not found"), null);
    }
}
