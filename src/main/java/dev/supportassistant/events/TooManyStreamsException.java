package dev.supportassistant.events;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 for an event stream beyond one of the caps on open streams; the detail names the cap. */
class TooManyStreamsException extends ErrorResponseException {

    TooManyStreamsException(String why) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many event streams: " + why + "; close one or try again later"), null);
        getHeaders().set("Retry-After", "10");
    }
}
