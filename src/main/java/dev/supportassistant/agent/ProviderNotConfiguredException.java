package dev.supportassistant.agent;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A switch to a provider that lacks its configuration: 400, naming what is missing. */
public class ProviderNotConfiguredException extends ErrorResponseException {

    ProviderNotConfiguredException(String provider, String missing) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Provider '" + provider + "' is not configured: " + missing), null);
    }
}
