package dev.supportassistant.screenshare;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403 for a generic token request naming a conversation's channel: those tokens come from the conversation or the desk. */
class ReservedChannelException extends ErrorResponseException {

    ReservedChannelException() {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "channel_name: is a "
                + "conversation's screen-sharing channel; its tokens come from POST /api/v1/conversation/{id}/"
                + "screen-share (the customer) and the support desk (the agent), not from this endpoint"), null);
    }
}
