package dev.supportassistant.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.supportassistant.confusion.ConfusionAssessment;

/** Streams through one agent from many threads at once, for the provider clients' tests. */
public final class ManyStreams {

    /** More than the 64 asynchronous calls at once that Spring AI's HTTP clients allow by themselves. */
    public static final int AT_ONCE = 100;
    /** How long the upstream waits for them all to arrive. */
    public static final Duration HOLD = Duration.ofSeconds(20);

    private ManyStreams() {
    }

    public static AgentSettings settings() {
        return new AgentSettings("openai", 0.7, 1000, HOLD.multipliedBy(2), 0, Duration.ofMillis(100), List.of(),
                "Be helpful.", 3000, new AgentSettings.Circuit(5, 50, Duration.ofSeconds(30)));
    }

    /** The text each stream produced, in the order they were started. */
    public static List<String> streamAll(AiAgent agent) throws Exception {
        AgentRequest request = new AgentRequest(List.of(), "How do I reset my password?",
                new ConfusionAssessment(0.1, List.of(), false), List.of());
        ExecutorService customers = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<AgentReply>> replies = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                replies.add(customers.submit(() -> agent.stream(request, text -> { })));
            }
            List<String> texts = new ArrayList<>();
            for (Future<AgentReply> reply : replies) {
                texts.add(reply.get().content());
            }
            return texts;
        } finally {
            customers.shutdownNow();
        }
    }
}
