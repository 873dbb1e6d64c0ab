package dev.supportassistant.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what is kept longer than the operator allows, every hour (and a minute after start-up):
 * conversations whose last activity is older than {@code RETENTION_DAYS}, whole
 * ({@link ConversationErasure}), and media older than {@code MEDIA_RETENTION_DAYS}. Every instance
 * runs it; on one PostgreSQL they share the work without waiting for each other (each batch locks
 * its rows with {@code SKIP LOCKED}). With neither setting, it does nothing. What it removed is
 * counted on {@code support.retention.removed} and logged as counts.
 */
@Component
class ConversationRetention {

    private static final Logger log = LoggerFactory.getLogger(ConversationRetention.class);

    private final ConversationErasure erasure;
    private final RetentionSettings settings;
    private final Clock clock = Clock.systemUTC();

    ConversationRetention(ConversationErasure erasure, RetentionSettings settings) {
        this.erasure = erasure;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void run() {
        try {
            removeExpired(clock.instant());
        } catch (RuntimeException failed) {
            // The next run tries again; nothing of a conversation goes half-deleted (one transaction a batch).
            log.warn("Retention stopped early: {}", failed.getClass().getSimpleName());
        }
    }

    /** Deletes what is older than the settings allow at {@code now}; what it removed. */
    ConversationErasure.Removed removeExpired(Instant now) {
        ConversationErasure.Removed removed = ConversationErasure.Removed.none();
        if (settings.days() != null) {
            removed.plus(erasure.inactiveSince(now.minus(Duration.ofDays(settings.days())), settings.batchSize()));
        }
        if (settings.mediaDays() != null) {
            removed.plus(erasure.mediaOlderThan(now.minus(Duration.ofDays(settings.mediaDays()))));
        }
        if (removed.counts().values().stream().anyMatch(count -> count > 0)) {
            log.info("Retention deleted {}", removed.counts());
        }
        return removed;
    }

    /** Turns on Spring's scheduler, for {@link #run()}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Schedule {
    }
}
