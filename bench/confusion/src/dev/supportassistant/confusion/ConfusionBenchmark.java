package dev.supportassistant.confusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.supportassistant.confusion.LabelledMessages.Case;
import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * What one confusion assessment costs, per message of the evaluation set (with its history):
 * the lexical signals alone, and the whole analyzer with its embeddings. A plain timing loop,
 * not JMH: it warms up, then times each call with {@link System#nanoTime()} and prints mean and
 * percentiles. Not a test; run it with {@code bench/confusion/run.sh}.
 */
final class ConfusionBenchmark {

    private static final int MEASURED = 2000;

    private ConfusionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<Case> cases = LabelledMessages.load(LabelledMessages.TUNING);
        var lexical = new LexicalSignals();
        var analyzer = new SignalConfusionAnalyzer(new ConfusionSettings(0.6), new SentenceEmbeddings());

        System.out.printf(Locale.ROOT, "JDK %s (%s), %d processors, %d messages measured after %d warm-up calls%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), MEASURED, warmup);
        System.out.println("| Path | mean µs | p50 µs | p95 µs | p99 µs |");
        System.out.println("|---|---|---|---|---|");
        report("lexical signals only", time(cases, warmup * 20, c -> lexical.score(c.message(), new ArrayList<>())));
        report("full analyzer, message alone (one embedding)",
                time(cases, warmup, c -> analyzer.assess(c.message(), List.of())));
        report("full analyzer with the history (one more batched embedding when there is one)",
                time(cases, warmup, c -> analyzer.assess(c.message(), c.turns())));
    }

    private static long[] time(List<Case> cases, int warmup, Consumer<Case> assess) {
        for (int i = 0; i < warmup; i++) {
            assess.accept(cases.get(i % cases.size()));
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            Case c = cases.get(i % cases.size());
            long start = System.nanoTime();
            assess.accept(c);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String path, long[] sortedNanos) {
        double mean = Arrays.stream(sortedNanos).average().orElse(0) / 1000;
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f |%n", path, mean, percentile(sortedNanos, 50),
                percentile(sortedNanos, 95), percentile(sortedNanos, 99));
    }

    private static double percentile(long[] sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1000.0;
    }
}
