/**
 * AI providers behind one extension point, {@link dev.supportassistant.agent.AiAgent}: the registry of agents, the persisted
 * active provider, and {@link dev.supportassistant.agent.AgentDispatcher}, which adds the fallback chain and circuit
 * breakers, with each provider's call retried within its timeout ({@code ProviderCalls}, Resilience4j). The Spring AI plumbing the
 * real providers share is in {@code springai}; each provider has a folder of its own.
 */
@ApplicationModule(allowedDependencies = {
        "confusion", "embedding", "events", "knowledge", "language", "platform :: config", "platform :: web", "privacy" })
@NullMarked
package dev.supportassistant.agent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
