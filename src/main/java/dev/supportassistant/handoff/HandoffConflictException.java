package dev.supportassistant.handoff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the conversation is not in a state that allows this step (claimed by someone else, not waiting, ...). */
class HandoffConflictException extends ErrorResponseException {

    HandoffConflictException(String detail) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
