package dev.supportassistant.events;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Live event streams.
 *
 * @param heartbeatSeconds {@code EVENTS_HEARTBEAT_SECONDS}: how often an open stream gets a comment
 *     line, so that proxies (which often close connections silent for 30 to 60 seconds) keep it open
 * @param streamTimeoutMinutes {@code EVENTS_STREAM_TIMEOUT_MINUTES}: how long one stream stays open;
 *     the browser's EventSource then reconnects by itself and resumes with {@code Last-Event-ID}
 * @param replayLimit {@code EVENTS_REPLAY_LIMIT}: the most missed events one reconnect replays
 * @param maxStreams {@code EVENTS_MAX_STREAMS}: open streams on this instance, in all; each holds a
 *     connection. A tenth of them (at least one) is kept for staff's streams: customers' streams
 *     may not take the last ones ({@link OpenStreams#staffShare})
 * @param maxStreamsPerConversation {@code EVENTS_MAX_STREAMS_PER_CONVERSATION}: open streams of one
 *     conversation (a customer with a few tabs open)
 * @param maxStreamsPerClient {@code EVENTS_MAX_STREAMS_PER_CLIENT}: open streams of one client (a
 *     customer or agent by their token, anyone else by address, an IPv6 client by its /64)
 */
@Validated
@ConfigurationProperties("support.events")
record EventSettings(@Min(1) @Max(3600) int heartbeatSeconds, @Min(1) @Max(1440) int streamTimeoutMinutes,
        @Min(1) @Max(100_000) int replayLimit, @Min(1) @Max(1_000_000) int maxStreams,
        @Min(1) @Max(10_000) int maxStreamsPerConversation, @Min(1) @Max(1_000_000) int maxStreamsPerClient) {

    Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    Duration streamTimeout() {
        return Duration.ofMinutes(streamTimeoutMinutes);
    }
}
