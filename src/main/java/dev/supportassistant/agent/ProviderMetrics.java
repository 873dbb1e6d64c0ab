package dev.supportassistant.agent;

import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.supportassistant.agent.springai.ProviderFailure;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationFilter;

/**
 * What the provider calls cost and how they went, from the libraries that make them: Spring AI's
 * observations ({@code gen_ai.client.operation}, {@code gen_ai.client.token.usage}; no handler that
 * records a prompt's or reply's text) and Resilience4j's meters. Ours is the failure's cause as a tag.
 */
@Configuration(proxyBeanMethods = false)
class ProviderMetrics {

    /** The tag naming what went wrong in a model call, as {@link ProviderFailure#cause()} words. */
    static final String ERROR_TYPE = "error.type";

    @Bean
    ChatModelMeterObservationHandler tokenUsage(MeterRegistry meters) {
        return new ChatModelMeterObservationHandler(meters);
    }

    /**
     * Tags each model call with its failure's cause, {@code cancelled} for a stream stopped before its end
     * (a deadline or the customer left), or {@code none}, so that every series has the same tag names.
     */
    @Bean
    ObservationFilter providerFailureCauses() {
        return context -> context instanceof ChatModelObservationContext call
                ? call.addLowCardinalityKeyValue(KeyValue.of(ERROR_TYPE, cause(call)))
                : context;
    }

    /** Leaves out the exception's class ({@code error}), which differs streamed: {@value #ERROR_TYPE} says it. */
    @Bean
    MeterFilter modelCallsByCauseOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return !id.getName().equals(DefaultChatModelObservationConvention.DEFAULT_NAME) ? id
                        : id.replaceTags(id.getTags().stream().filter(tag -> !tag.getKey().equals("error")).toList());
            }
        };
    }

    private static String cause(ChatModelObservationContext call) {
        if (call.getError() != null) {
            return ProviderFailure.of(call.getError()).cause();
        }
        // A stream's response is set when it completes, before the observation stops.
        return call.isStreaming() && call.getResponse() == null ? "cancelled" : "none";
    }

    @Bean
    MeterBinder resilienceMetrics(ProviderCircuits circuits, ProviderCalls calls) {
        return meters -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits.registry()).bindTo(meters);
            TaggedRetryMetrics.ofRetryRegistry(calls.retries()).bindTo(meters);
            TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(calls.deadlines()).bindTo(meters);
        };
    }
}
