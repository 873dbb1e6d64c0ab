/**
 * AI providers behind one extension point, {@link dev.supportassistant.agent.AiAgent}: the registry of agents, the persisted
 * active provider, the Spring AI plumbing the real providers share ({@link dev.supportassistant.agent.SpringAiAgent}), and
 * {@link dev.supportassistant.agent.AgentDispatcher}, which adds timeouts, retries, circuit breakers and the fallback chain.
 */
package dev.supportassistant.agent;
