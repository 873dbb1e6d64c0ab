package dev.supportassistant.chat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A chat request that breaks a configured rule, such as the message length: 422. */
class InvalidChatRequestException extends ErrorResponseException {

    InvalidChatRequestException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail),
                null);
    }
}
