package dev.supportassistant.handoff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503 for a request to hand a conversation to a person when no one could take it ({@link DeskStaffing}). */
class NoDeskException extends ErrorResponseException {

    NoDeskException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "No one can take this conversation over: the support desk is not set up (create a desk account, "
                        + "or set ADMIN_API_KEY or SECRET_KEY)"), null);
    }
}
