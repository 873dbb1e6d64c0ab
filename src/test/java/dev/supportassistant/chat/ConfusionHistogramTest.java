package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.supportassistant.Scrape;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code support_confusion_score} in Prometheus' text format has the documented buckets {@code le}
 * 0.1 to 1.0, and a score lands in every bucket at or above it: docs/observability.md's share of confused
 * messages, {@code 1 - le="0.6" / count}, counts exactly the scores above 0.6.
 */
class ConfusionHistogramTest {

    @Test
    void aScoreLandsInTheBucketsOfTheTenthsAtOrAboveIt() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("prometheus", registry.getPrometheusRegistry()));
        ChatMetrics metrics = new ChatMetrics(registry, beans.getBeanProvider(PrometheusRegistry.class));

        metrics.confusionScored(0.38);
        metrics.confusionScored(0.7);
        metrics.confusionScored(0.95);

        Scrape scrape = new Scrape(Arrays.stream(registry.scrape().split("\n")).filter(line -> !line.startsWith("#")).toList());
        assertThat(Arrays.stream(new String[] {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0", "+Inf"})
                .map(le -> scrape.value("support_confusion_score_bucket", Map.of("le", le))))
                .containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0);
        assertThat(scrape.value("support_confusion_score_count", Map.of())).isEqualTo(3);
        assertThat(scrape.value("support_confusion_score_sum", Map.of())).isCloseTo(2.03, within(1e-9));
    }
}
