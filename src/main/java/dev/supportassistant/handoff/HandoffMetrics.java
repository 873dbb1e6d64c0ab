package dev.supportassistant.handoff;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Handoff metrics in Micrometer: {@code support.handoffs} (counter, tagged by {@code cause}),
 * {@code support.handoff.wait} (escalated until an agent claimed it) and
 * {@code support.handoff.resolution} (escalated until resolved). Counted from the handoff's steps
 * once they are committed, so a step that was undone counts nothing. They go to the application's
 * MeterRegistry when there is one (Actuator), else to Micrometer's global registry, which records
 * nothing until a registry is added to it.
 */
@Component
class HandoffMetrics {

    private final MeterRegistry registry;

    HandoffMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
    }

    @TransactionalEventListener
    void on(HandoffEvent step) {
        if (step instanceof HandoffEvent.Escalated && step.handoff().cause() != null) {
            escalated(step.handoff().cause());
        } else if (step instanceof HandoffEvent.Claimed claimed && claimed.waited() != null) {
            claimed(claimed.waited());
        } else if (step instanceof HandoffEvent.Resolved resolved && resolved.sinceEscalation() != null) {
            resolved(resolved.sinceEscalation());
        }
    }

    void escalated(HandoffCause cause) {
        Counter.builder("support.handoffs").description("Conversations handed to a person, by cause")
                .tag("cause", cause.wireName()).register(registry).increment();
    }

    void claimed(Duration waited) {
        Timer.builder("support.handoff.wait").description("Time a customer waited for a person")
                .register(registry).record(waited);
    }

    void resolved(Duration sinceEscalation) {
        Timer.builder("support.handoff.resolution").description("Time from escalation to resolution")
                .register(registry).record(sinceEscalation);
    }
}
