package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * {@code application.yml} as Boot reads it at start-up, without starting anything: the {@code .env}
 * of the working directory (here a temporary folder standing in for it) below the environment, in
 * Boot's properties format, and the variables that switch Boot's own features ({@code LOG_FORMAT},
 * {@code DEBUG}).
 */
class SettingsFileTest {

    @TempDir
    Path workingDirectory;

    /** The settings Boot reads with these environment variables and this {@code .env}. */
    private ConfigurableEnvironment read(Map<String, Object> variables, String dotEnv) throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), dotEnv);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        DefaultResourceLoader inWorkingDirectory = new DefaultResourceLoader() {
            @Override
            public Resource getResource(String location) {
                return location.equals("file:.env") ? new FileSystemResource(workingDirectory.resolve(".env"))
                        : super.getResource(location);
            }
        };
        ConfigDataEnvironmentPostProcessor.applyTo(environment, inWorkingDirectory, null, List.of());
        return environment;
    }

    @Test
    void dotEnvIsReadAndTheEnvironmentWinsOverIt() throws IOException {
        var environment = read(Map.of("DEFAULT_AI_PROVIDER", "local"), """
                DEFAULT_AI_PROVIDER=anthropic
                CONFUSION_THRESHOLD=0.4
                """);

        assertThat(environment.getProperty("support.agent.default-provider")).isEqualTo("local");
        assertThat(environment.getProperty("support.confusion.threshold")).isEqualTo("0.4");
    }

    @Test
    void theCommonFormsOfALineAreRead() throws IOException {
        var environment = read(Map.of(), """
                # the AI provider

                   # an indented comment
                DEFAULT_AI_PROVIDER=ollama
                API_HOST = 127.0.0.1
                OPENAI_API_KEY=
                CORS_ORIGINS=["http://localhost:3000","http://127.0.0.1:3000"]
                DATABASE_URL=postgresql://app:pw@db:5432/app?sslmode=require&x=1
                AGORA_CHANNEL_PREFIX=support#1
                WELCOME=Gr\\u00fc\\u00df dich
                """.replace("\n", "\r\n"));

        assertThat(environment.getProperty("support.agent.default-provider")).isEqualTo("ollama");
        assertThat(environment.getProperty("support.api.host")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("support.agent.openai.api-key")).isEmpty();
        assertThat(environment.getProperty("support.api.cors-origins"))
                .isEqualTo("[\"http://localhost:3000\",\"http://127.0.0.1:3000\"]");
        assertThat(environment.getProperty("DATABASE_URL")).isEqualTo("postgresql://app:pw@db:5432/app?sslmode=require&x=1");
        assertThat(environment.getProperty("support.agora.channel-prefix")).isEqualTo("support#1");
        assertThat(environment.getProperty("WELCOME")).isEqualTo("Grüß dich");
    }

    /** What docs/configuration.md warns about: Boot reads {@code .env} as a properties file, not as a shell does. */
    @Test
    void quotesExportAndCommentsAfterAValueAreNotShellSyntaxHere() throws IOException {
        var environment = read(Map.of(), """
                SYSTEM_PROMPT="Be brief."
                export DEFAULT_OLLAMA_MODEL=qwen3
                API_PORT=9000 # the port
                KNOWLEDGE_DIR=C:\\docs
                """);

        assertThat(environment.getProperty("support.agent.system-prompt")).isEqualTo("\"Be brief.\"");
        assertThat(environment.getProperty("support.agent.ollama.model")).isEqualTo("llama3.2");
        assertThat(environment.getProperty("support.api.port")).isEqualTo("9000 # the port");
        assertThat(environment.getProperty("support.knowledge.dir")).isEqualTo("C:docs");
    }

    @Test
    void theExampleFileAsDotEnvGivesValidSettings() throws IOException {
        var environment = read(Map.of(), Files.readString(Path.of(".env.example")));

        assertThat(environment.getProperty("support.api.port")).isEqualTo("8000");
        new ApplicationContextRunner(() -> {
            var context = new AnnotationConfigApplicationContext();
            context.setEnvironment(environment);
            return context;
        }).withUserConfiguration(SettingsMessagesTest.AllSettings.class).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void logFormatJsonTurnsOnBootsStructuredLogging() throws IOException {
        assertThat(read(Map.of("LOG_FORMAT", "json"), "").getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
        for (String plain : new String[] {"plain", "", "xml"}) {
            assertThat(read(Map.of("LOG_FORMAT", plain), "").getProperty("logging.structured.format.console"))
                    .as("LOG_FORMAT=%s", plain).isEmpty();
        }
        assertThat(read(Map.of(), "").getProperty("logging.structured.format.console")).isEmpty();
    }

    /** Any other word than true leaves springdoc's switches off, where its conditions can read them; ApiSettings names it. */
    @Test
    void debugTurnsOnTheApiDocs() throws IOException {
        var debugging = read(Map.of("DEBUG", "true"), "");
        assertThat(debugging.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
        assertThat(debugging.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("true");
        for (String off : new String[] {"false", "perhaps", "false "}) {
            assertThat(read(Map.of("DEBUG", off), "").getProperty("springdoc.api-docs.enabled")).as("DEBUG=%s", off)
                    .isEqualTo("false");
        }
        assertThat(read(Map.of(), "").getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
    }
}
