package dev.supportassistant.confusion;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * JMH: the confusion analyzer per message, with a message never seen before (so its embedding is
 * computed) and with the conversation's earlier messages, as in a real turn. Run with
 * bench/micro/run.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConfusionBenchmarks {

    private static final List<ConfusionAnalyzer.Turn> HISTORY = List.of(
            new ConfusionAnalyzer.Turn(true, "How do I reset my password?"),
            new ConfusionAnalyzer.Turn(false, "1. Open the sign-in page. 2. Choose Forgot password. 3. Follow the email."),
            new ConfusionAnalyzer.Turn(true, "The email never arrived"));

    private final SignalConfusionAnalyzer analyzer =
            new SignalConfusionAnalyzer(new ConfusionSettings(0.6), new SentenceEmbeddings());
    private long call;

    @Benchmark
    public ConfusionAssessment firstMessage() {
        call++;
        return analyzer.assess("I tried everything and it still does not work, error 0x80070005 (" + call + ")", List.of());
    }

    @Benchmark
    public ConfusionAssessment messageInAConversation() {
        call++;
        return analyzer.assess("I did all of that and nothing changed, same screen again (" + call + ")", HISTORY);
    }
}
