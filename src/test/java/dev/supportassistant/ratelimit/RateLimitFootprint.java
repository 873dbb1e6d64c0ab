package dev.supportassistant.ratelimit;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * The heap 100,000 remembered clients take, ours against Bucket4j's local buckets in the same
 * map. A rough figure (heap used after a full collection, before and after), for bench/RESULTS.md:
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * dev.supportassistant.ratelimit.RateLimitFootprint} after {@code bench/micro/run.sh} made the class path.
 */
public final class RateLimitFootprint {

    private RateLimitFootprint() {
    }

    public static void main(String[] args) {
        int clients = InMemoryRateLimiter.MAX_CLIENTS;
        String[] keys = new String[clients];
        for (int i = 0; i < clients; i++) {
            keys[i] = "chat:ip:10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
        }
        measure("ours", () -> new InMemoryRateLimiter(clients), keys);
        measure("bucket4j", () -> Bucket4jPeers.inMemory(clients), keys);
        measure("ours", () -> new InMemoryRateLimiter(clients), keys);
        measure("bucket4j", () -> Bucket4jPeers.inMemory(clients), keys);
    }

    private static void measure(String name, Supplier<RateLimiter> create, String[] keys) {
        long before = usedAfterGc();
        RateLimiter limiter = create.get();
        long now = System.currentTimeMillis();
        for (String key : keys) {
            limiter.acquire(key, 30, now);
        }
        long after = usedAfterGc();
        System.out.printf("%-8s %,d clients: %,d bytes each%n", name, keys.length, (after - before) / keys.length);
        if (limiter.acquire(keys[0], 30, now) < 0) {
            throw new AssertionError("kept alive until measured");
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
