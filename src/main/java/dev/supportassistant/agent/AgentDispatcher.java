package dev.supportassistant.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hands a customer's turn to the active provider and makes sure an answer comes back: when the
 * provider fails, the built-in {@code local} agent answers and the answer says so.
 */
@Service
public class AgentDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AgentDispatcher.class);

    private final ActiveProvider activeProvider;
    private final AgentRegistry registry;

    AgentDispatcher(ActiveProvider activeProvider, AgentRegistry registry) {
        this.activeProvider = activeProvider;
        this.registry = registry;
    }

    public AgentAnswer answer(AgentRequest request) {
        AiAgent agent = activeProvider.current();
        long started = System.nanoTime();
        try {
            AgentReply reply = agent.reply(request);
            return new AgentAnswer(agent.provider(), reply, elapsedMs(started), false, null);
        } catch (RuntimeException failure) {
            if (agent == registry.local()) {
                throw failure;
            }
            // The exception type only: provider messages may echo request details.
            String error = agent.provider() + " failed: " + failure.getClass().getSimpleName();
            log.warn("{}; answering with {}", error, AgentRegistry.LOCAL);
            AgentReply reply = registry.local().reply(request);
            return new AgentAnswer(AgentRegistry.LOCAL, reply, elapsedMs(started), true, error);
        }
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
