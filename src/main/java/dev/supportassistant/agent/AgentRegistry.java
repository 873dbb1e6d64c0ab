package dev.supportassistant.agent;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Every {@link AiAgent} bean in the application, by provider name. A name is looked up here alone,
 * under one rule wherever it comes from ({@code DEFAULT_AI_PROVIDER}, a switch, a request, routing
 * rules): surrounding spaces and letter case do not matter, so {@code OpenAI} names {@code openai}.
 */
@Component
public class AgentRegistry {

    /** The built-in offline agent; always present, always configured, the last fallback. */
    public static final String LOCAL = "local";

    private final Map<String, AiAgent> agents;

    AgentRegistry(List<AiAgent> agents) {
        this.agents = agents.stream().sorted(Comparator.comparing(AiAgent::provider))
                .collect(Collectors.toMap(AiAgent::provider, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two agents for provider " + a.provider());
                }, java.util.LinkedHashMap::new));
        if (!this.agents.containsKey(LOCAL)) {
            throw new IllegalStateException("The built-in '" + LOCAL + "' agent is missing");
        }
    }

    /** Provider names, sorted. */
    public List<String> providers() {
        return List.copyOf(agents.keySet());
    }

    public List<AiAgent> agents() {
        return List.copyOf(agents.values());
    }

    /** The agent for a provider name, spaces and case aside. */
    public Optional<AiAgent> find(String provider) {
        return Optional.ofNullable(agents.get(provider.strip().toLowerCase(Locale.ROOT)));
    }

    /** The agent for a provider name, or a 422 naming the providers that exist. */
    public AiAgent require(String provider) {
        return find(provider).orElseThrow(() -> new UnknownProviderException(provider, providers()));
    }

    AiAgent local() {
        return agents.get(LOCAL);
    }
}
