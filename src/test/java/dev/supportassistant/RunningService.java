package dev.supportassistant;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application the way {@code java -jar} does, with settings given as
 * command-line properties, for tests about start-up itself: restarts, bad settings, databases.
 * Its embeddings remember their batches for the test run ({@link RememberedEmbeddings}), so a
 * start does not embed the bundled articles again, and desk passwords are hashed at BCrypt's
 * lowest cost ({@link QuickPasswordHashing}).
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param settings {@code NAME=value} pairs, e.g. {@code DATABASE_URL=postgresql://...} */
    public static RunningService start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--API_HOST=127.0.0.1"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new RunningService(new SpringApplicationBuilder(SupportAssistantApplication.class,
                RememberedEmbeddings.class, QuickPasswordHashing.class)
                .run(args.toArray(String[]::new)));
    }

    public ApiClient api() {
        return new ApiClient(port());
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
