package dev.supportassistant.chat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for a message id that names no message of the conversation. */
class MessageNotFoundException extends ErrorResponseException {

    MessageNotFoundException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Message not found"), null);
    }
}
