package dev.supportassistant.agent;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.supportassistant.events.Broadcast;
import dev.supportassistant.events.Broadcasts;
import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * The provider that answers customers. An operator's switch is stored in the database and wins
 * everywhere; until there is one, {@code DEFAULT_AI_PROVIDER} answers when it is configured, and
 * the built-in {@code local} agent otherwise. A stored choice this instance cannot serve (its key
 * is missing here) is skipped in the same way, so a customer always gets an answer.
 *
 * <p>Each instance keeps the stored choice in memory instead of reading it for every turn: a switch
 * on any instance is broadcast with its commit ({@link Broadcasts}, over PostgreSQL's NOTIFY), and
 * every instance then reads it again on its next turn. A copy read while a switch was under way is
 * not kept, so a switch is never overwritten by what was read before it.
 */
@Component
public class ActiveProvider {

    /** The topic of the broadcast that says the operator's choice changed. */
    public static final String SWITCHED = "active_provider";
    private static final Logger log = LoggerFactory.getLogger(ActiveProvider.class);

    /** The stored choice as read, or {@link Unknown} until it is read (again). */
    private sealed interface Copy permits Known, Unknown {
    }

    /** The choice as read: a provider's name, or none stored. */
    private record Known(Optional<String> provider) implements Copy {
    }

    /** A fresh object each time the copy is dropped, so that a read begun before cannot be kept. */
    private static final class Unknown implements Copy {
    }

    private final AgentRegistry registry;
    private final ActiveProviderStore store;
    private final Broadcasts broadcasts;
    private final AiAgent defaultAgent;
    private final AtomicReference<Copy> stored = new AtomicReference<>(new Unknown());

    ActiveProvider(AgentRegistry registry, ActiveProviderStore store, Broadcasts broadcasts, AgentSettings settings) {
        this.registry = registry;
        this.store = store;
        this.broadcasts = broadcasts;
        this.defaultAgent = registry.find(settings.defaultProvider()).orElseThrow(() -> new InvalidSettingException(
                "DEFAULT_AI_PROVIDER", settings.defaultProvider(), "one of " + String.join(", ", registry.providers())));
    }

    /** The agent answering now. */
    public AiAgent current() {
        Optional<AiAgent> chosen = storedChoice().flatMap(registry::find).filter(AiAgent::isConfigured);
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
            throw new ProviderNotConfiguredException(agent.provider(), missing);
        });
        store.save(agent.provider(), () -> broadcasts.send(SWITCHED));
        log.info("Active AI provider switched to {}", agent.provider());
        return agent;
    }

    /** Every instance (this one too) hears of a switch after its commit: the copy is read again when next needed. */
    @EventListener
    void on(Broadcast broadcast) {
        if (broadcast.concerns(SWITCHED)) {
            stored.set(new Unknown());
        }
    }

    private Optional<String> storedChoice() {
        Copy copy = stored.get();
        if (copy instanceof Known known) {
            return known.provider();
        }
        Optional<String> read = store.load();
        // Kept only if no switch was heard while it was read.
        stored.compareAndSet(copy, new Known(read));
        return read;
    }

    /**
     * Says at start-up who answers and why; when it is not the operator's stored switch, names that
     * choice and why it is not in effect here, so that a fallback is never silent.
     */
    @EventListener(ApplicationReadyEvent.class)
    void reportAtStart() {
        AiAgent current = current();
        Optional<String> stored = storedChoice();
        if (stored.isPresent() && stored.get().equals(current.provider())) {
            log.info("Active AI provider: {} (chosen by an operator switch)", current.provider());
            return;
        }
        String defaultSetting = "DEFAULT_AI_PROVIDER=" + defaultAgent.provider();
        if (stored.isEmpty()) {
            if (current == defaultAgent) {
                log.info("Active AI provider: {} (DEFAULT_AI_PROVIDER)", current.provider());
            } else {
                log.warn("Active AI provider: {} ({}: {})", current.provider(), defaultSetting, whyNot(defaultAgent.provider()));
            }
            return;
        }
        String choice = "the operator's choice " + stored.get() + ", which is not available here: " + whyNot(stored.get());
        if (current == defaultAgent) {
            log.warn("Active AI provider: {} (DEFAULT_AI_PROVIDER) instead of {}", current.provider(), choice);
        } else if (stored.get().equals(defaultAgent.provider())) {
            log.warn("Active AI provider: {} instead of {} (also {})", current.provider(), choice, defaultSetting);
        } else {
            log.warn("Active AI provider: {} instead of {}; nor is {} ({})", current.provider(), choice, defaultSetting,
                    whyNot(defaultAgent.provider()));
        }
    }

    private String whyNot(String provider) {
        return registry.find(provider).map(agent -> agent.missingConfiguration().orElse("not configured"))
                .orElse("this version has no such provider");
    }
}
