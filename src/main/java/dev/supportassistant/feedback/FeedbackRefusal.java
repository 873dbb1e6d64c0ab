package dev.supportassistant.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A rating the service will not take, with the status and the detail that say why. */
final class FeedbackRefusal extends ErrorResponseException {

    private FeedbackRefusal(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** 403 for an operator rating a customer's conversation: only the customer's own rating counts. */
    static FeedbackRefusal operatorsDoNotRate() {
        return new FeedbackRefusal(HttpStatus.FORBIDDEN,
                "Feedback is given by the conversation's customer, not by an operator");
    }

    /** 404 for a message id that names no message of the conversation. */
    static FeedbackRefusal messageNotFound() {
        return new FeedbackRefusal(HttpStatus.NOT_FOUND, "Message not found");
    }

    /** 422 for a rating that breaks a rule: an unknown rating, or a message that is not the assistant's. */
    static FeedbackRefusal invalid(String detail) {
        return new FeedbackRefusal(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }
}
