package dev.supportassistant.confusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * The confusion examples are embedded in the background at start-up. On a loaded machine the
 * embedding model may refuse that (busy, a 503); that must cost one answer a 503, not make every
 * later message fail with a 500 until the service restarts.
 */
class SemanticSignalsRetryTest {

    @Test
    void examplesTheModelWasTooBusyToEmbedAreEmbeddedAgainOnTheNextMessage() {
        SentenceEmbeddings embeddings = mock(SentenceEmbeddings.class);
        ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
        float[] vector = new float[SentenceEmbeddings.DIMENSIONS];
        vector[0] = 1;
        when(embeddings.embedAll(anyList())).thenThrow(busy)
                .thenAnswer(call -> new ArrayList<>(Collections.nCopies(((List<?>) call.getArgument(0)).size(), vector)));
        SemanticSignals signals = new SemanticSignals(embeddings);

        // A message arriving while that embedding fails gets its 503; one arriving after it has the
        // examples embedded again. Either way the message after it is scored.
        try {
            signals.score(vector, new ArrayList<>());
        } catch (ErrorResponseException refused) {
            assertThat(refused).isSameAs(busy);
        }
        double score = signals.score(vector, new ArrayList<>());

        // Every example embeds to the same vector as the message: it leans neither way.
        assertThat(score).isZero();
    }
}
