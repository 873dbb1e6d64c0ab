package dev.supportassistant.chat;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.supportassistant.conversation.MessageMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * How customers' turns go, as Micrometer meters: how long a turn takes end to end (answered whole
 * or streamed), how confused customers' messages score, and how often screen sharing is offered
 * (both counted when the turn's answer is committed, {@link TurnAnswered}).
 * What the providers cost is measured where they are called, in the agent module.
 *
 * <p>The confusion score is a Prometheus histogram with buckets {@code le} 0.1 to 1.0, so that
 * {@code support_confusion_score_bucket{le="0.6"}} counts the messages below the threshold. It is
 * registered with the Prometheus registry itself: Micrometer's distribution summaries round a value
 * up to a whole number before finding its bucket, which put every score above 0 in
 * {@code le="1.0"}. Without Prometheus it is a plain summary (count, sum, max).
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

    /** The upper bounds ({@code le}) of the confusion histogram's buckets, one per tenth. */
    static final double[] CONFUSION_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    private static final String CONFUSION_HELP = "Confusion level (0 to 1) of customers' messages";

    private final MeterRegistry registry;
    private final DoubleConsumer confusion;

    ChatMetrics(MeterRegistry registry, ObjectProvider<PrometheusRegistry> prometheus) {
        this.registry = registry;
        PrometheusRegistry histograms = prometheus.getIfAvailable();
        if (histograms != null) {
            this.confusion = Histogram.builder().name(CONFUSION.replace('.', '_')).help(CONFUSION_HELP)
                    .classicOnly().classicUpperBounds(CONFUSION_BUCKETS).withoutExemplars().register(histograms)::observe;
        } else {
            this.confusion = DistributionSummary.builder(CONFUSION).description(CONFUSION_HELP).register(registry)::record;
        }
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
            outcome = response.message().metadata() instanceof MessageMetadata.AiAnswer answer && answer.cutShort()
                    ? "incomplete" : "success";
            return response;
        } finally {
            sample.stop(Timer.builder(DURATION)
                    .description("Duration of a customer's turn, from request to stored answer")
                    .tags("mode", tag(mode), "outcome", outcome)
                    .register(registry));
        }
    }

    /** Once a turn's answer is committed: how confused its message scored, and whether screen sharing was offered. */
    @EventListener
    void on(TurnAnswered turn) {
        confusionScored(turn.confusionLevel());
        if (turn.offer() != null) {
            screenShareSuggested(turn.offer());
        }
    }

    void confusionScored(double level) {
        confusion.accept(level);
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
