package dev.supportassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start.sh} runs the service in the directory it is called from, as {@code java -jar}
 * does and as the README's quick start says: {@code .env} is read from there and {@code ./data/} created
 * there, wherever the repository is. A stand-in {@code java} on the PATH reports where it was
 * started, so no service starts here.
 */
class StartScriptTest {

    @TempDir
    Path temp;

    @Test
    void theServiceRunsInTheCallersWorkingDirectoryWithTheRepositorysJar() throws IOException, InterruptedException {
        Path repository = Files.createDirectories(temp.resolve("repository"));
        Files.copy(Path.of("start.sh"), repository.resolve("start.sh"));
        Files.createDirectories(repository.resolve("src"));
        Files.writeString(repository.resolve("pom.xml"), "<project/>");
        Path jar = Files.createDirectories(repository.resolve("target")).resolve("support-assistant.jar");
        Files.writeString(jar, "built");
        FileTime before = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(repository.resolve("src"), before);
        Files.setLastModifiedTime(repository.resolve("pom.xml"), before);
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"directory=$(pwd)\"\necho \"arguments=$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path work = Files.createDirectories(temp.resolve("work"));

        ProcessBuilder start = new ProcessBuilder("bash", repository.resolve("start.sh").toString(), "--API_PORT=9000")
                .directory(work.toFile()).redirectErrorStream(true);
        start.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        start.environment().remove("JAVA_OPTS");
        Process process = start.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("directory=" + work.toRealPath())
                .contains("arguments=-jar " + jar.toRealPath() + " --API_PORT=9000");
    }
}
