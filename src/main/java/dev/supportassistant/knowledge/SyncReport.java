package dev.supportassistant.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * What one sync of a web source did. Unchanged pages (the same content hash) cost a fetch and
 * nothing more: {@code chunksEmbedded} counts only the chunks of added and changed pages.
 *
 * @param errors what went wrong, one line per page ({@code <url>: <what>}), at most {@link #MAX_ERRORS}
 */
public record SyncReport(int added, int changed, int unchanged, int removed, int chunksEmbedded, List<String> errors,
        Instant finishedAt) {

    static final int MAX_ERRORS = 20;

    public SyncReport {
        errors = errors.stream().limit(MAX_ERRORS).map(error -> error.length() <= 500 ? error : error.substring(0, 499) + "…")
                .toList();
    }
}
