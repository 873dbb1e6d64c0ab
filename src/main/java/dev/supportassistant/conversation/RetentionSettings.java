package dev.supportassistant.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long conversations and their media are kept.
 *
 * @param days {@code RETENTION_DAYS}: conversations whose last activity is older are deleted with
 *     everything of theirs (messages, events, ratings, handoff, screenshots); absent (the default),
 *     they are kept
 * @param mediaDays {@code MEDIA_RETENTION_DAYS}: screenshots (and other media) older than this are
 *     deleted even while their conversation is kept; absent (the default), media go with their
 *     conversation, and screenshots after {@code SCREENSHOT_RETENTION_DAYS} at the latest
 * @param batchSize {@code RETENTION_BATCH_SIZE}: conversations deleted in one transaction; the job
 *     takes batch after batch until none is left
 */
@Validated
@ConfigurationProperties("support.retention")
public record RetentionSettings(@Nullable @Min(1) @Max(36500) Integer days,
        @Nullable @Min(1) @Max(36500) Integer mediaDays, @Min(1) @Max(10_000) int batchSize) {
}
