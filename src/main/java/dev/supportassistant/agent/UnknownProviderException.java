package dev.supportassistant.agent;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A provider name that no agent answers to: 422, listing the names that exist. */
public class UnknownProviderException extends ErrorResponseException {

    UnknownProviderException(String provider, List<String> supported) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "Unknown provider '" + provider + "'; supported providers: " + String.join(", ", supported)), null);
    }
}
