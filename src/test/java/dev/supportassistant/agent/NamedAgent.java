package dev.supportassistant.agent;

import java.util.Optional;

/** A provider that is only named, configured or not, and never called: for tests of choosing one. */
record NamedAgent(String provider, boolean configured) implements AiAgent {

    @Override
    public String model() {
        return provider + "-model";
    }

    @Override
    public Optional<String> missingConfiguration() {
        return configured ? Optional.empty() : Optional.of(provider.toUpperCase() + "_API_KEY is not set");
    }

    @Override
    public AgentReply reply(AgentRequest request) {
        throw new UnsupportedOperationException();
    }
}
