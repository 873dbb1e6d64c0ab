package dev.supportassistant.screenshare;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/agora/token}. Token issuing arrives with the screen-sharing work; until then
 * the endpoint says clearly that it is unavailable.
 */
@RestController
class AgoraTokenController {

    @PostMapping("/api/v1/agora/token")
    Object token() {
        throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Screen-sharing tokens are not available yet: set AGORA_APP_ID and AGORA_APP_CERTIFICATE "
                        + "once token issuing is enabled"), null);
    }
}
