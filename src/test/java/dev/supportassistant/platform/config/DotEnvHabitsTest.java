package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines written for python-dotenv or a shell are pointed out by line and name, never by value. */
class DotEnvHabitsTest {

    @TempDir
    Path folder;

    @Test
    void quotedValuesAndExportLinesAreNamedWithoutTheirValues() throws IOException {
        Path env = Files.writeString(folder.resolve(".env"), """
                # a comment "quoted"
                API_PORT=8000
                OPENAI_API_KEY="sk-secret-value"
                export ANTHROPIC_API_KEY=sk-ant-other
                DEFAULT_AI_PROVIDER='openai'
                CORS_ORIGINS=["http://localhost:3000"]
                """);

        var warnings = new DotEnvHabits(env).warnings();

        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).startsWith(".env line 3 (OPENAI_API_KEY)").contains("quotes");
        assertThat(warnings.get(1)).startsWith(".env line 4 (ANTHROPIC_API_KEY)").contains("export");
        assertThat(warnings.get(2)).startsWith(".env line 5 (DEFAULT_AI_PROVIDER)");
        assertThat(String.join("\n", warnings)).doesNotContain("sk-secret-value", "sk-ant-other");
    }

    @Test
    void noFileNoWarning() {
        assertThat(new DotEnvHabits(folder.resolve(".env")).warnings()).isEmpty();
    }

    @Test
    void theBundledExampleIsWrittenTheWayBootReadsIt() {
        assertThat(new DotEnvHabits(Path.of(".env.example")).warnings()).isEmpty();
    }
}
