package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DotEnvEnvironmentPostProcessorTest {

    @TempDir
    Path directory;

    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        return environment;
    }

    @Test
    void environmentVariableWinsOverTheSameEntryInDotEnv() throws IOException {
        Files.writeString(directory.resolve(".env"), "DEFAULT_AI_PROVIDER=openai\n");
        var environment = environmentWith(Map.of("DEFAULT_AI_PROVIDER", "local"));

        new DotEnvEnvironmentPostProcessor(directory).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("DEFAULT_AI_PROVIDER")).isEqualTo("local");
        assertThat(environment.getPropertySources().contains(DotEnvEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
                .isTrue();
    }

    @Test
    void entryOnlyInDotEnvIsVisible() throws IOException {
        Files.writeString(directory.resolve(".env"), "export CONFUSION_THRESHOLD=0.4 # lower for the demo\n");
        var environment = environmentWith(Map.of("DEFAULT_AI_PROVIDER", "local"));

        new DotEnvEnvironmentPostProcessor(directory).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("CONFUSION_THRESHOLD")).isEqualTo("0.4");
    }

    @Test
    void dotEnvEntriesResolveUnderRelaxedNamesLikeEnvironmentVariables() throws IOException {
        Files.writeString(directory.resolve(".env"), "SUPPORT_CONFUSION_THRESHOLD=0.4\n");
        var environment = environmentWith(Map.of());

        new DotEnvEnvironmentPostProcessor(directory).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("support.confusion.threshold")).isEqualTo("0.4");
    }

    @Test
    void dotEnvRanksDirectlyBelowTheSystemEnvironment() throws IOException {
        Files.writeString(directory.resolve(".env"), "A=1\n");
        var environment = environmentWith(Map.of());

        new DotEnvEnvironmentPostProcessor(directory).postProcessEnvironment(environment, null);

        var sources = environment.getPropertySources();
        assertThat(sources.precedenceOf(sources.get(DotEnvEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)))
                .isEqualTo(sources.precedenceOf(sources.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
                        + 1);
    }

    @Test
    void missingDotEnvFileLeavesTheEnvironmentAlone() {
        var environment = environmentWith(Map.of("DEFAULT_AI_PROVIDER", "local"));
        int sourcesBefore = environment.getPropertySources().size();

        new DotEnvEnvironmentPostProcessor(directory).postProcessEnvironment(environment, null);

        assertThat(environment.getPropertySources().size()).isEqualTo(sourcesBefore);
        assertThat(environment.getProperty("DEFAULT_AI_PROVIDER")).isEqualTo("local");
    }

    @Test
    void theOnlyPublicConstructorTakesNoArgumentsSoTheFactoryLoaderCanUseIt() {
        var publicConstructors = Arrays.stream(DotEnvEnvironmentPostProcessor.class.getDeclaredConstructors())
                .filter(constructor -> Modifier.isPublic(constructor.getModifiers())).toList();

        assertThat(publicConstructors).singleElement()
                .satisfies(constructor -> assertThat(constructor.getParameterCount()).isZero());
    }
}
