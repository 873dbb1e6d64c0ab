package dev.supportassistant.screenshare;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * JMH: the cost of issuing one Agora token, validation included. Run with bench/micro/run.sh;
 * not a test (surefire runs only *Test and *Tests).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBenchmarks {

    private final AgoraTokenService tokens = new AgoraTokenService(
            new AgoraSettings("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", 3600, ""),
            new SimpleMeterRegistry());
    private final TokenRequest request = new TokenRequest("support_session_123", BigDecimal.valueOf(2882341273L),
            BigDecimal.ONE, null, null, null);

    @Benchmark
    public TokenGrant issueOnePublisherToken() {
        return tokens.issue(request);
    }
}
