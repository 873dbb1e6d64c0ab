package dev.supportassistant.routing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for an experiment that is neither configured nor recorded on any message. */
class ExperimentNotFoundException extends ErrorResponseException {

    ExperimentNotFoundException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Experiment not found"),
                null);
    }
}
