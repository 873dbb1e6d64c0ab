/**
 * AI providers behind one extension point, {@link dev.supportassistant.agent.AiAgent}: the registry of agents, the persisted active provider and the fallback when a provider fails.
 */
package dev.supportassistant.agent;
