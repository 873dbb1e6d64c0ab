package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A request's work on another thread logs with the request's id, and leaves the thread's own as it was. */
class RequestIdsTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        MDC.remove(RequestIds.MDC_KEY);
        worker.shutdownNow();
    }

    @Test
    void theIdIsCarriedOverAndTakenAwayAfterwards() throws Exception {
        worker.submit(() -> MDC.put(RequestIds.MDC_KEY, "worker")).get();
        MDC.put(RequestIds.MDC_KEY, "req-7");
        AtomicReference<String> seen = new AtomicReference<>();

        worker.submit(RequestIds.carriedOver().decorate(() -> seen.set(MDC.get(RequestIds.MDC_KEY)))).get();

        assertThat(seen).hasValue("req-7");
        assertThat(worker.submit(() -> MDC.get(RequestIds.MDC_KEY)).get()).isEqualTo("worker");
    }
}
