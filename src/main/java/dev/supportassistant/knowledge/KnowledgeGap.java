package dev.supportassistant.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A gap in the knowledge base: customers' questions nothing answered, alike in meaning.
 *
 * @param count how many questions it holds (those of erased conversations are gone with them)
 * @param lastAskedAt when the latest was asked
 * @param examples the latest questions, newest first, at most {@link KnowledgeGaps#EXAMPLES}: the
 *     customers' own words, to be shown as such and never logged
 * @param thumbsDown how many of them are questions whose answer the customer rated down
 */
public record KnowledgeGap(String id, int count, Instant firstAskedAt, Instant lastAskedAt, List<String> examples,
        int thumbsDown) {
}
