package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * A second instance started in the same folder as a running one finds the embedded database file
 * locked, and stops with Boot's failure report saying so, instead of the trace of every bean that
 * needed the database. The running instance is another process holding the file open (H2's own
 * shell), the second only the data source and Flyway, which is where the whole service first opens
 * the file.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseInUseTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class DatabaseOnly {
    }

    @Test
    void aDatabaseFileAnotherInstanceHoldsStopsStartUpSayingSo(@TempDir Path folder, CapturedOutput output)
            throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("support-assistant") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        Process other = holdOpen(url);
        try {
            assertThatThrownBy(() -> new SpringApplicationBuilder(DatabaseOnly.class).web(WebApplicationType.NONE)
                    .run("--spring.datasource.url=" + url).close()).isInstanceOf(Exception.class);
        } finally {
            other.getOutputStream().close();
            if (!other.waitFor(10, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }

        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).filteredOn(line -> line.contains(" ERROR ")).singleElement()
                .satisfies(line -> assertThat(line).contains("LoggingFailureAnalysisReporter"));
        assertThat(String.join("\n", lines)).contains("Description:\n\nThe embedded database "
                + folder.resolve("support-assistant.mv.db") + " is in use by another instance of the service.\n\n"
                + "Action:\n\nStop the other instance first (only one instance can open the embedded database), "
                + "or run this one in another folder, or let both share a PostgreSQL database (DATABASE_URL).\n");
        assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    }

    /** H2's shell in another JVM, connected to the database and waiting at its prompt until its input closes. */
    private static Process holdOpen(String url) throws IOException {
        Path h2 = Paths.get(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Process shell = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                h2.toString(), "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "")
                .redirectErrorStream(true).start();
        // The shell prints its prompt once it is connected.
        Reader reader = new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8);
        StringBuilder printed = new StringBuilder();
        for (int c = reader.read(); !printed.toString().contains("sql>"); c = reader.read()) {
            if (c < 0) {
                throw new IllegalStateException("H2's shell stopped before connecting: " + printed);
            }
            printed.append((char) c);
        }
        return shell;
    }
}
