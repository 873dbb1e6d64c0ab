package dev.supportassistant.agent;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * An AI provider that can answer a customer: the extension point of the service. Adding a
 * provider means adding one Spring bean implementing this interface; {@link AgentRegistry}
 * discovers it, {@code GET /api/v1/agent/current} lists it and an operator can switch to it.
 *
 * <p>Implementations must be thread-safe (many conversations are answered at once) and must not
 * put credentials into exception messages: a failure's type is reported to the customer's reply
 * metadata. A reply that throws is answered by the built-in {@code local} agent instead.
 */
public interface AiAgent {

    /** The provider's name as operators type it, lower case: {@code "openai"}, {@code "local"}. */
    String provider();

    /** The model this agent answers with, as shown in each reply's metadata. */
    String model();

    /**
     * What keeps this agent from answering, naming the environment variables to set (for example
     * {@code "OPENAI_API_KEY is not set"}), or empty when it is ready. Must not call the provider.
     */
    Optional<String> missingConfiguration();

    /** Whether the agent has what it needs to answer; see {@link #missingConfiguration()}. */
    default boolean isConfigured() {
        return missingConfiguration().isEmpty();
    }

    /**
     * Produces the assistant's next message.
     *
     * @param request the conversation so far, the new message and what the service knows about it
     * @return the reply with the model that wrote it and the tokens it used
     * @throws RuntimeException when the provider fails; the caller falls back to another agent
     */
    AgentReply reply(AgentRequest request);

    /**
     * Produces the assistant's next message piece by piece, as the provider writes it.
     * The default answers in one piece through {@link #reply(AgentRequest)}; providers that can
     * stream override it.
     *
     * <p>The calling thread may be interrupted when the caller gives up (a timeout); an
     * implementation should then stop reading from the provider and throw.
     *
     * @param onText receives each new piece of text, in order; it may throw when nobody listens
     *     any more, and the implementation then stops and lets that exception through
     * @return the whole reply, with the usage the provider reported for the stream
     * @throws RuntimeException when the provider fails; if nothing was passed to {@code onText}
     *     yet, the caller falls back to another agent
     */
    default AgentReply stream(AgentRequest request, Consumer<String> onText) {
        AgentReply reply = reply(request);
        onText.accept(reply.content());
        return reply;
    }
}
