package dev.supportassistant.agent;

import dev.supportassistant.agent.springai.VirtualThreads;

/**
 * Spring AI reads each Anthropic stream with a thread of Reactor's bounded elastic scheduler,
 * blocked on the connection for as long as the reply lasts, and that scheduler runs at most ten
 * threads per processor (20 on 2 cores): the 21st customer streaming at once got nothing until an
 * earlier reply ended. Reactor takes its limits from system properties when it first starts a
 * scheduler, so they are set before the application starts: by {@code main}, and for the tests
 * before the first test runs.
 */
public final class StreamReaderThreads {

    /** Streams read at once at most: more than the service can hold open (2,000 concurrent chats measured). */
    public static final int MAX = 10_000;

    private StreamReaderThreads() {
    }

    /** Raises the limit, unless the operator set one with {@code -Dreactor.schedulers.defaultBoundedElasticSize}. */
    public static void allowMany() {
        setUnlessSet("reactor.schedulers.defaultBoundedElasticSize", String.valueOf(MAX));
        if (VirtualThreads.forBlockingProviderCalls()) {
            // A reader mostly waits for the network: a virtual thread costs next to nothing then.
            setUnlessSet("reactor.schedulers.defaultBoundedElasticOnVirtualThreads", "true");
        }
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
