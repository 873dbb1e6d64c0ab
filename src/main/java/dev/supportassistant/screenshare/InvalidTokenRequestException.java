package dev.supportassistant.screenshare;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422 for a token request that breaks one of Agora's rules; the detail names the field and the rule. */
class InvalidTokenRequestException extends ErrorResponseException {

    InvalidTokenRequestException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail),
                null);
    }
}
