package dev.supportassistant.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.supportassistant.confusion.ConfusionAssessment;

/** Streams through one agent from many threads at once, for the provider clients' tests. */
public final class ManyStreams {

    /**
     * More than the 64 asynchronous calls at once that Spring AI's HTTP clients allow by
     * themselves, and than the 10 readers per processor of Reactor's default scheduler.
     */
    public static final int AT_ONCE = Math.max(100, 10 * Runtime.getRuntime().availableProcessors() + 1);
    /** How long the upstream waits for them all to arrive. */
    public static final Duration HOLD = Duration.ofSeconds(20);

    private ManyStreams() {
    }

    public static AgentSettings settings() {
        return new AgentSettings("openai", 0.7, 1000, HOLD.multipliedBy(2), 0, Duration.ofMillis(100), List.of(),
                "Be helpful.", 3000, new AgentSettings.Circuit(5, 50, Duration.ofSeconds(30)));
    }

    /** The pieces every upstream stream of these tests sends: the first is held back after it. */
    public static final List<String> PIECES = List.of("Open ", "Settings.");

    /**
     * Streams {@link #AT_ONCE} replies at once through the agent from a {@link HeldUpstream}: each
     * stream's first text must reach its customer while all of them are open, then the upstream
     * finishes them.
     *
     * @return how many streams had their first text while all were open, and each reply's text
     */
    public static Outcome streamAll(AiAgent agent, HeldUpstream upstream) throws Exception {
        AgentRequest request = new AgentRequest(List.of(), "How do I reset my password?",
                new ConfusionAssessment(0.1, List.of(), false), List.of());
        CountDownLatch firstTexts = new CountDownLatch(AT_ONCE);
        ExecutorService customers = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<AgentReply>> replies = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                AtomicBoolean started = new AtomicBoolean();
                replies.add(customers.submit(() -> agent.stream(request, text -> {
                    if (started.compareAndSet(false, true)) {
                        firstTexts.countDown();
                    }
                })));
            }
            firstTexts.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
            long openTogether = AT_ONCE - firstTexts.getCount();
            upstream.finishStreams();
            List<String> texts = new ArrayList<>();
            for (Future<AgentReply> reply : replies) {
                texts.add(reply.get(HOLD.toMillis() * 3, TimeUnit.MILLISECONDS).content());
            }
            return new Outcome(openTogether, texts);
        } finally {
            customers.shutdownNow();
        }
    }

    public record Outcome(long streamingTogether, List<String> texts) {
    }
}
