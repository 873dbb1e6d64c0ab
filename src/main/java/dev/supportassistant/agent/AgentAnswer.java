package dev.supportassistant.agent;

import org.jspecify.annotations.Nullable;

/**
 * An agent's reply together with how it came about.
 *
 * @param provider the provider that actually answered
 * @param latencyMs how long the answer took, failed attempts included
 * @param fallback true when the chosen provider failed and another one answered
 * @param error one line saying what failed, without secrets, when something did
 * @param incomplete true when a streamed reply was cut off (by the provider, the timeout or the
 *     customer leaving) and the reply holds only what arrived before
 */
public record AgentAnswer(String provider, AgentReply reply, long latencyMs, boolean fallback, @Nullable String error,
        boolean incomplete) {
}
