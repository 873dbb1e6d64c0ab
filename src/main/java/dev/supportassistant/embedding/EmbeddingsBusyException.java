package dev.supportassistant.embedding;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 with Retry-After: more texts are waiting for the embedding model than it can compute within
 * the wait allowed, so this request gives up its place instead of adding to an ever longer queue.
 */
public class EmbeddingsBusyException extends ErrorResponseException {

    /** @param why in words, e.g. "no turn within 10 s" */
    EmbeddingsBusyException(String why) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is too busy to take this message now (" + why + "); try again in a moment"), null);
        getHeaders().set("Retry-After", "5");
    }
}
