package dev.supportassistant.agent;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.supportassistant.platform.InvalidSettingException;

/**
 * The provider that answers customers. An operator's switch is stored in the database and wins
 * everywhere; until there is one, {@code DEFAULT_AI_PROVIDER} answers when it is configured, and
 * the built-in {@code local} agent otherwise. A stored choice this instance cannot serve (its key
 * is missing here) is skipped in the same way, so a customer always gets an answer.
 */
@Component
public class ActiveProvider {

    private static final Logger log = LoggerFactory.getLogger(ActiveProvider.class);

    private final AgentRegistry registry;
    private final ActiveProviderStore store;
    private final AiAgent defaultAgent;

    ActiveProvider(AgentRegistry registry, ActiveProviderStore store, AgentSettings settings) {
        this.registry = registry;
        this.store = store;
        this.defaultAgent = registry.find(settings.defaultProvider()).orElseThrow(() -> new InvalidSettingException(
                "DEFAULT_AI_PROVIDER", settings.defaultProvider(), "one of " + String.join(", ", registry.providers())));
    }

    /** The agent answering now. */
    public AiAgent current() {
        Optional<AiAgent> chosen = store.load().flatMap(registry::find).filter(AiAgent::isConfigured);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return defaultAgent.isConfigured() ? defaultAgent : registry.local();
    }

    /**
     * Makes {@code provider} the active one for every instance.
     *
     * @throws UnknownProviderException no agent has that name (422)
     * @throws ProviderNotConfiguredException the agent lacks its configuration (400)
     */
    public AiAgent switchTo(String provider) {
        AiAgent agent = registry.require(provider);
        agent.missingConfiguration().ifPresent(missing -> {
            throw new ProviderNotConfiguredException(provider, missing);
        });
        store.save(provider);
        log.info("Active AI provider switched to {}", provider);
        return agent;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportAtStart() {
        AiAgent current = current();
        Optional<String> stored = store.load();
        if (stored.isPresent() && stored.get().equals(current.provider())) {
            log.info("Active AI provider: {} (chosen by an operator switch)", current.provider());
        } else if (current == defaultAgent) {
            log.info("Active AI provider: {} (DEFAULT_AI_PROVIDER)", current.provider());
        } else {
            String reason = stored.filter(name -> !name.equals(defaultAgent.provider()))
                    .map(name -> "the switched-to provider " + name + " is not configured here, nor is ")
                    .orElse("")
                    + "DEFAULT_AI_PROVIDER=" + defaultAgent.provider() + ": "
                    + defaultAgent.missingConfiguration().orElse("not configured");
            log.warn("Active AI provider: {} ({})", current.provider(), reason);
        }
    }
}
