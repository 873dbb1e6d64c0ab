package dev.supportassistant.platform.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The bound in front of the offline engines: instances reused, never more at once than allowed, 503 when all stay busy. */
class EnginePoolTest {

    @Test
    void instancesAreMadeOnFirstNeedAndReused() {
        AtomicInteger made = new AtomicInteger();
        EnginePool<Integer> pool = new EnginePool<>("test engine", 2, Duration.ofSeconds(1), made::incrementAndGet);

        pool.warmUp();
        int first = pool.use(engine -> engine);
        int second = pool.use(engine -> engine);

        assertThat(made).hasValue(1);
        assertThat(first).isEqualTo(second);
    }

    @Test
    void whenEveryInstanceStaysBusyTheNextCallerIsRefusedWith503AndRetryAfter() throws InterruptedException {
        EnginePool<Object> pool = new EnginePool<>("test engine", 1, Duration.ZERO, Object::new);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> pool.use(engine -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        busy.await();

        try {
            assertThatThrownBy(() -> pool.use(engine -> "never")).isInstanceOfSatisfying(EngineBusyException.class,
                    busy503 -> {
                        assertThat(busy503.getStatusCode().value()).isEqualTo(503);
                        assertThat(busy503.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                        assertThat(busy503.getBody().getDetail()).isEqualTo("The test engine is busy; try again in a moment");
                        assertThat(busy503.getBody().getProperties()).containsEntry("success", false);
                    });
        } finally {
            release.countDown();
            holder.join();
        }
        String after = pool.use(engine -> "free again");
        assertThat(after).isEqualTo("free again");
    }

    @Test
    void anEngineIsKeptWhenTheWorkFails() {
        AtomicInteger made = new AtomicInteger();
        EnginePool<Integer> pool = new EnginePool<>("test engine", 1, Duration.ofSeconds(1), made::incrementAndGet);

        assertThatThrownBy(() -> pool.use(engine -> {
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);
        pool.use(engine -> engine);

        assertThat(made).hasValue(1);
    }
}
