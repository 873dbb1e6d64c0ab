package dev.supportassistant.embedding;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 with Retry-After: more texts are waiting for the embedding model than it can compute within
 * the wait allowed, so this request gives up its place instead of adding to an ever longer queue.
 */
public class EmbeddingsBusyException extends ErrorResponseException {

    EmbeddingsBusyException(Duration waited) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is too busy to take this message now (no turn within " + waited.toSeconds()
                        + " s); try again in a moment"), null);
        getHeaders().set("Retry-After", "5");
    }
}
