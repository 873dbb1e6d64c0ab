package dev.supportassistant.platform.engines;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A few instances of an offline engine that is not thread-safe or not cheap (Tesseract's
 * {@code TessBaseAPI}, a FreeTTS voice, a Vosk recognizer's share of the processors), lent to one
 * caller at a time. At most {@code size} run at once, however many threads ask (virtual threads
 * included, so no thread-locals); instances are made on first need and kept. A caller that finds
 * none free within the wait gets {@link EngineBusyException} (503).
 *
 * @param <T> the engine
 */
public final class EnginePool<T> {

    private final String name;
    private final Supplier<T> factory;
    private final Duration wait;
    private final Semaphore permits;
    private final BlockingQueue<T> idle;

    /**
     * @param name the engine in words, for the 503's detail ("speech recognizer")
     * @param size how many may run at once
     * @param wait how long a caller waits for one before giving up
     */
    public EnginePool(String name, int size, Duration wait, Supplier<T> factory) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
        this.name = name;
        this.factory = factory;
        this.wait = wait;
        this.permits = new Semaphore(size, true);
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** Runs {@code work} with an instance of its own, then keeps the instance for the next caller. */
    public <R extends @Nullable Object> R use(Function<T, R> work) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineBusyException(name);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EngineBusyException(name);
        }
        T engine = null;
        try {
            engine = idle.poll();
            if (engine == null) {
                engine = factory.get();
            }
            return work.apply(engine);
        } finally {
            if (engine != null) {
                idle.offer(engine);
            }
            permits.release();
        }
    }

    /** Makes one instance ahead of the first caller (for loading in the background after start-up). */
    public void warmUp() {
        use(engine -> null);
    }
}
