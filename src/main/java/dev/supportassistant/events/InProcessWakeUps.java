package dev.supportassistant.events;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * News of stored events on the embedded database, where this instance is the only one: a wake-up
 * after each commit here. The delivery thread reads the table only when woken, so an idle instance
 * costs the database nothing.
 */
final class InProcessWakeUps implements EventTransport {

    private final Semaphore wakeUp = new Semaphore(0);

    @Override
    public void committed() {
        wakeUp.release();
    }

    @Override
    public void broadcast(String topic) {
        // No other instance exists to tell; this one hears it after the commit (Broadcasts).
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public Listening listen(Consumer<String> broadcasts) {
        return new Listening() {

            @Override
            public boolean await(long millis) throws InterruptedException {
                if (!wakeUp.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                    return false;
                }
                wakeUp.drainPermits();
                return true;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public String description() {
        return "in-process (embedded database)";
    }
}
