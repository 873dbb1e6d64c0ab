package dev.supportassistant.chat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403 for an operator rating a customer's conversation: only the customer's own rating counts. */
class FeedbackForbiddenException extends ErrorResponseException {

    FeedbackForbiddenException() {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Feedback is given by the conversation's customer, not by an operator"), null);
    }
}
