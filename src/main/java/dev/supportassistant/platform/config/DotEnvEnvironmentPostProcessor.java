package dev.supportassistant.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Adds the {@code .env} file of the working directory as a property source right below the real
 * environment, so a variable set in the environment wins over the same one in {@code .env}.
 * It runs before config data so {@code application.yml} placeholders see its values.
 */
class DotEnvEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "dotenv";

    private final Path directory;

    /** The one public constructor, so Spring's factory loader picks it: reads the working directory. */
    public DotEnvEnvironmentPostProcessor() {
        this(Path.of(System.getProperty("user.dir")));
    }

    /** For tests: reads {@code .env} from the given directory. */
    DotEnvEnvironmentPostProcessor(Path directory) {
        this.directory = directory;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path file = directory.resolve(".env");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            var source = new SystemEnvironmentPropertySource(PROPERTY_SOURCE_NAME, DotEnvFile.read(file));
            MutablePropertySources sources = environment.getPropertySources();
            if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public int getOrder() {
        // Before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10).
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
