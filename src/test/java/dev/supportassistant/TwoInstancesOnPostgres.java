package dev.supportassistant;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two services on one real PostgreSQL database, as an operator runs them behind a load balancer,
 * the second with a management port of its own ({@code MANAGEMENT_PORT=0}). Both have OpenAI
 * configured, at an address where nobody listens, and answer with local: a provider to switch to
 * that no test's chat reaches. Started by the first test class that needs them and closed when the
 * test run ends, so that the tests about several instances share two starts; each test works in
 * conversations of its own and leaves local the active provider.
 */
public final class TwoInstancesOnPostgres implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            TwoInstancesOnPostgres.class);

    private static Instances instances;

    /** Both services; closed together, the second first. */
    private record Instances(RunningService first, RunningService second) implements AutoCloseable {

        static Instances start() {
            String database = "DATABASE_URL=" + EmbeddedPostgres.newDatabaseUrl("two_instances_" + System.nanoTime());
            String[] settings = {database, "OPENAI_API_KEY=sk-test-two-instances-0123456789",
                "OPENAI_BASE_URL=http://127.0.0.1:9/v1", "DEFAULT_AI_PROVIDER=local"};
            RunningService first = RunningService.start(settings);
            try {
                String[] withManagementPort = java.util.Arrays.copyOf(settings, settings.length + 1);
                withManagementPort[settings.length] = "MANAGEMENT_PORT=0";
                return new Instances(first, RunningService.start(withManagementPort));
            } catch (RuntimeException failedToStart) {
                first.close();
                throw failedToStart;
            }
        }

        @Override
        public void close() {
            try (first) {
                second.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        instances = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Instances.class, type -> Instances.start(),
                Instances.class);
    }

    public static RunningService first() {
        return instances.first();
    }

    public static RunningService second() {
        return instances.second();
    }
}
