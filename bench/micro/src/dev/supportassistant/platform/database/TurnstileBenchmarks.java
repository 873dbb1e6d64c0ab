package dev.supportassistant.platform.database;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;

/**
 * JMH: taking and giving back a turn at the database, the {@link Turnstile} against Resilience4j's
 * semaphore bulkhead (2.4.0) with the same places and wait. Alone, and four threads for two places
 * (each holds its turn for a few microseconds of work). Run with
 * {@code bench/micro/run.sh TurnstileBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TurnstileBenchmarks {

    @Param({"turnstile", "bulkhead"})
    String implementation;

    private Turnstile turnstile;
    private Bulkhead bulkhead;

    @Setup(Level.Trial)
    public void create() {
        turnstile = new Turnstile(2, Duration.ofSeconds(30), 2000);
        bulkhead = Bulkhead.of("database", BulkheadConfig.custom().maxConcurrentCalls(2)
                .maxWaitDuration(Duration.ofSeconds(30)).writableStackTraceEnabled(false).build());
    }

    @Benchmark
    public void aloneEnterAndLeave() throws Turnstile.NoPlace {
        take();
        give();
    }

    @Benchmark
    @Threads(4)
    public void fourThreadsForTwoPlaces() throws Turnstile.NoPlace {
        take();
        try {
            org.openjdk.jmh.infra.Blackhole.consumeCPU(1_000);
        } finally {
            give();
        }
    }

    private void take() throws Turnstile.NoPlace {
        if ("turnstile".equals(implementation)) {
            turnstile.enter();
        } else {
            bulkhead.acquirePermission();
        }
    }

    private void give() {
        if ("turnstile".equals(implementation)) {
            turnstile.leave();
        } else {
            bulkhead.onComplete();
        }
    }
}
