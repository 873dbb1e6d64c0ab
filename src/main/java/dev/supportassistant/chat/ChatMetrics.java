package dev.supportassistant.chat;

import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How customers' turns go, as Micrometer meters: how long a turn takes end to end (answered whole
 * or streamed), how confused customers' messages score, and how often screen sharing is offered.
 * What the providers cost is measured where they are called, in the agent module.
 */
@Component
class ChatMetrics {

    static final String DURATION = "support.chat.duration";
    static final String CONFUSION = "support.confusion.score";
    static final String SCREEN_SHARE_SUGGESTED = "support.screen_share.suggested";

    /** How a turn was answered, as the {@code mode} tag. */
    enum Mode {
        CHAT, STREAM
    }

    /** Why screen sharing was offered, as the {@code reason} tag. */
    enum OfferReason {
        /** The customer's message scored at or above {@code CONFUSION_THRESHOLD}. */
        CONFUSION,
        /** The answer itself asked the customer to share their screen. */
        REPLY
    }

    private final MeterRegistry registry;
    private final DistributionSummary confusion;

    ChatMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Fixed buckets, so Prometheus can tell how many messages scored above any tenth.
        this.confusion = DistributionSummary.builder(CONFUSION)
                .description("Confusion level (0 to 1) of customers' messages")
                .serviceLevelObjectives(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
                .register(registry);
    }

    /**
     * Runs one customer turn and times it, tagged with its outcome: {@code success},
     * {@code incomplete} (a streamed answer was cut short) or {@code error} (it failed).
     */
    ChatResponse timed(Mode mode, Supplier<ChatResponse> turn) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            ChatResponse response = turn.get();
            outcome = Boolean.TRUE.equals(response.message().metadata().incomplete()) ? "incomplete" : "success";
            return response;
        } finally {
            sample.stop(Timer.builder(DURATION)
                    .description("Duration of a customer's turn, from request to stored answer")
                    .tags("mode", tag(mode), "outcome", outcome)
                    .register(registry));
        }
    }

    void confusionScored(double level) {
        confusion.record(level);
    }

    void screenShareSuggested(OfferReason reason) {
        Counter.builder(SCREEN_SHARE_SUGGESTED)
                .description("Answers that offered the customer screen sharing")
                .tag("reason", tag(reason))
                .register(registry).increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
