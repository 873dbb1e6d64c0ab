package dev.supportassistant.handoff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for a conversation that does not exist, or that the caller may not see (the same answer, as in the chat). */
class UnknownConversationException extends ErrorResponseException {

    UnknownConversationException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Conversation not found"),
                null);
    }
}
