package dev.supportassistant.chat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Listing someone's conversations without being them (their customer token) or an operator: 403. */
class ConversationListForbiddenException extends ErrorResponseException {

    ConversationListForbiddenException() {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Listing a user's conversations needs that user's customer token or the admin API key"), null);
    }
}
