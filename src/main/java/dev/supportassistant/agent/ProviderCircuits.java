package dev.supportassistant.agent;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * A Resilience4j circuit breaker per provider. After enough failed calls a provider is skipped for
 * a while, so customers get the fallback's answer at once instead of waiting for a timeout each
 * time; then one trial call decides whether it is back. Each instance keeps its own circuits: they
 * describe what this instance sees of the provider. A customer who leaves mid-answer is no failure.
 */
@Component
public class ProviderCircuits {

    private final CircuitBreakerRegistry registry;

    ProviderCircuits(AgentSettings settings) {
        AgentSettings.Circuit circuit = settings.circuit();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(10, circuit.minimumCalls()))
                .minimumNumberOfCalls(circuit.minimumCalls())
                .failureRateThreshold(circuit.failureRatePercent())
                .waitDurationInOpenState(circuit.openSeconds())
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreException(ProviderCalls.ListenerGoneException::causedBy)
                .build());
    }

    CircuitBreaker of(String provider) {
        return registry.circuitBreaker(provider);
    }

    CircuitBreakerRegistry registry() {
        return registry;
    }

    /**
     * {@code closed} (calls go through), {@code open} (skipped) or {@code half_open} (on trial); a
     * provider never called through a circuit (such as {@code local}) is {@code closed}.
     */
    public String state(String provider) {
        return registry.find(provider).map(found -> found.getState().name().toLowerCase(Locale.ROOT))
                .orElse("closed");
    }

    /** Closes every circuit, forgetting past calls. */
    void resetAll() {
        registry.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }
}
