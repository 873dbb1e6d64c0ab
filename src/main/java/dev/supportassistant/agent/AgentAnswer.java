package dev.supportassistant.agent;

/**
 * An agent's reply together with how it came about.
 *
 * @param provider the provider that actually answered
 * @param latencyMs how long the answer took, failed attempts included
 * @param fallback true when the chosen provider failed and another one answered
 * @param error one line saying what failed, without secrets; null when nothing failed
 */
public record AgentAnswer(String provider, AgentReply reply, long latencyMs, boolean fallback, String error) {
}
