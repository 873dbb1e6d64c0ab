package dev.supportassistant.platform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Rate limits held by this instance alone: right for the embedded H2 database's single instance. */
class InMemoryRateLimiter implements RateLimiter {

    /** A key's count within one minute. */
    private record Window(long minute, int count) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    public long acquire(String key, int perMinute, long epochSecond) {
        long minute = epochSecond / 60;
        Window window = windows.compute(key, (k, current) -> current == null || current.minute() != minute
                ? new Window(minute, 1) : new Window(minute, current.count() + 1));
        if (windows.size() > 10_000) {
            windows.values().removeIf(old -> old.minute() < minute);
        }
        return window.count() <= perMinute ? 0 : 60 - epochSecond % 60;
    }
}
