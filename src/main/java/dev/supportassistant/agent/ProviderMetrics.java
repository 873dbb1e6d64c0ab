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
 * What the provider calls cost and how they went, from the libraries that make them: Spring AI
 * observes each model call ({@code gen_ai.client.operation}, timed by Boot's meter handler) and
 * counts its tokens ({@code gen_ai.client.token.usage}, its own handler, registered here since the
 * service uses Spring AI's model modules without their auto-configuration); Resilience4j measures
 * circuits, retries and deadlines. All that is ours is the failure's cause as a tag, in place of
 * the exception's class. No handler that records a prompt's or a reply's text is registered.
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
     * Tags each model call with its failure's cause, {@code cancelled} for a stream stopped before
     * its end (the deadline passed or the customer left: neither is the provider's fault), or
     * {@code none}. Every call gets the tag, so that each meter's series share one set of tag names.
     */
    @Bean
    ObservationFilter providerFailureCauses() {
        return context -> context instanceof ChatModelObservationContext call
                ? call.addLowCardinalityKeyValue(KeyValue.of(ERROR_TYPE, cause(call)))
                : context;
    }

    /**
     * Leaves out Micrometer's {@code error} tag, the exception's class, of the model calls' timer:
     * the same failure has a different class when streamed (wrapped), and {@value #ERROR_TYPE} says
     * what it was.
     */
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
