package dev.supportassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start.sh} runs the service in the directory it is called from, as {@code java -jar}
 * does and as the README's quick start says: {@code .env} is read from there and {@code ./data/}
 * created there, wherever the repository is. It runs the jar unpacked with the JDK's start-up
 * cache, recorded once per build and JDK by a training run that reads and writes nothing of the caller's
 * and leaves nothing behind.
 * A stand-in {@code java} on the PATH writes down each call (where, with what, and whether
 * {@code DATABASE_URL} reached it) beside itself and does the little each call must leave behind,
 * so no service starts here.
 */
class StartScriptTest {

    private static final String STAND_IN_JAVA = """
            #!/bin/sh
            here=$(dirname "$0")
            echo "call directory=$(pwd) database=${DATABASE_URL:-none} arguments=$*" >> "$here/../calls.txt"
            case "$*" in
              *-XshowSettings:properties*)
                echo "    java.home = /jdks/$FAKE_JDK" >&2; echo "    java.version = $FAKE_JDK" >&2 ;;
              *jarmode=tools*)
                mkdir -p "$6" && echo unpacked > "$6/support-assistant.jar" ;;
              *support.training.requests=*)
                mkdir -p data && echo rows > data/support-assistant.mv.db
                echo "INFO 1 --- [main] d.s.p.startup.TrainingRun : Training run: 30 of 300 requests"
                [ -f "$here/recording-fails" ] && exit 1
                for argument in "$@"; do
                  case "$argument" in -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*) echo cache > "${argument#*=}" ;; esac
                done ;;
            esac
            """;

    @TempDir
    Path temp;

    Path repository;
    Path jar;
    Path work;
    Path calls;

    @BeforeEach
    void aBuiltRepositoryAndAStandInJava() throws IOException {
        repository = Files.createDirectories(temp.resolve("repository"));
        Files.copy(Path.of("start.sh"), repository.resolve("start.sh"));
        Files.createDirectories(repository.resolve("src"));
        Files.writeString(repository.resolve("pom.xml"), "<project/>");
        jar = Files.createDirectories(repository.resolve("target")).resolve("support-assistant.jar");
        Files.writeString(jar, "built");
        FileTime before = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(repository.resolve("src"), before);
        Files.setLastModifiedTime(repository.resolve("pom.xml"), before);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path java = Files.createDirectories(temp.resolve("bin")).resolve("java");
        Files.writeString(java, STAND_IN_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        work = Files.createDirectories(temp.resolve("work"));
        calls = temp.resolve("calls.txt");
    }

    @Test
    void theServiceRunsInTheCallersWorkingDirectoryFromTheUnpackedJarWithTheCache() throws Exception {
        String output = start(Map.of("FAKE_JDK", "17.0.15"));

        Path app = repository.resolve("target/start/app/support-assistant.jar").toRealPath();
        assertThat(lastCall()).startsWith("call directory=" + work.toRealPath() + " ")
                .containsPattern("arguments=-XX:SharedArchiveFile=\\S+/target/start/jdk-\\d+\\.jsa -jar " + app
                        + " --API_PORT=9000$");
        assertThat(output).contains("recording the JDK's start-up cache")
                .contains("start.sh: training run: 30 of 300 requests");
    }

    @Test
    void theCacheIsRecordedOnceAwayFromTheCallersSettingsAndDatabase() throws Exception {
        start(Map.of("FAKE_JDK", "17.0.15", "DATABASE_URL", "postgresql://production/support"));
        List<String> first = calls();
        Files.delete(calls);

        String again = start(Map.of("FAKE_JDK", "17.0.15", "DATABASE_URL", "postgresql://production/support"));

        String recording = first.stream().filter(call -> call.contains("support.training.requests=")).findFirst().orElseThrow();
        assertThat(recording).startsWith("call directory=" + repository.resolve("target/start").toRealPath() + "/training ")
                .contains("database=none").doesNotContain("datasource")
                .contains("-Dsupport.training.requests=300").contains("-Dserver.port=0")
                .containsPattern("-XX:ArchiveClassesAtExit=\\S+\\.jsa");
        assertThat(repository.resolve("target/start/training")).doesNotExist();
        assertThat(first).filteredOn(call -> call.contains("jarmode=tools")).hasSize(1);
        assertThat(calls()).noneMatch(call -> call.contains("support.training.requests=") || call.contains("jarmode=tools"));
        assertThat(lastCall()).contains("database=postgresql://production/support");
        assertThat(again).doesNotContain("recording");
    }

    @Test
    void aNewBuildIsUnpackedAndRecordedAgain() throws Exception {
        start(Map.of("FAKE_JDK", "17.0.15"));
        Files.writeString(jar, "built again");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Files.delete(calls);

        start(Map.of("FAKE_JDK", "17.0.15"));

        assertThat(calls()).anyMatch(call -> call.contains("jarmode=tools"))
                .anyMatch(call -> call.contains("support.training.requests="));
    }

    @Test
    void onJdk25AndNewerTheCacheIsTheAheadOfTimeCacheAndEachJdkHasItsOwn() throws Exception {
        start(Map.of("FAKE_JDK", "17.0.15"));
        Files.delete(calls);

        start(Map.of("FAKE_JDK", "25.0.3"));

        assertThat(calls()).anyMatch(call -> call.contains("support.training.requests=") && call.contains("-XX:AOTCacheOutput="));
        assertThat(lastCall()).containsPattern("arguments=-XX:AOTCache=\\S+/target/start/jdk-\\d+\\.aot -jar ");
    }

    @Test
    void withoutACacheTheServiceStillStartsAndSaysWhy() throws Exception {
        Files.writeString(temp.resolve("bin/recording-fails"), "");

        String output = start(Map.of("FAKE_JDK", "17.0.15"));

        assertThat(output).contains("no start-up cache");
        assertThat(lastCall()).contains("arguments=-jar " + repository.resolve("target/start/app").toRealPath());
    }

    @Test
    void aBuildShowsItsStepsAndDownloadsWhileItRuns() throws Exception {
        standInMaven("""
                for i in $(seq 1 250); do echo "Downloaded from central: https://repo/$i.jar (1 kB at 1 MB/s)"; done
                echo "[INFO] --- compiler:3.14.1:compile (default-compile) @ support-assistant ---"
                echo built > target/support-assistant.jar
                """);

        String output = start(Map.of("FAKE_JDK", "17.0.15"));

        assertThat(output).contains("start.sh: building the service").contains("start.sh: 200 files downloaded")
                .doesNotContain("250 files").contains("start.sh: build step compiler:3.14.1:compile (default-compile)");
        assertThat(repository.resolve("target/build.log")).content().contains("Downloaded from central: https://repo/250.jar");
    }

    @Test
    void aFailedBuildShowsTheEndOfMavensOutputAndStops() throws Exception {
        standInMaven("""
                echo "[ERROR] COMPILATION ERROR: Something.java:[3,1] class, interface, enum, or record expected"
                exit 1
                """);

        ProcessResult result = run(Map.of("FAKE_JDK", "17.0.15"));

        assertThat(result.status()).isNotZero();
        assertThat(result.output()).contains("COMPILATION ERROR: Something.java").contains("the build failed");
        assertThat(calls).doesNotExist();
    }

    @Test
    void startCacheFalseRunsThePackagedJarAsItIs() throws Exception {
        start(Map.of("FAKE_JDK", "17.0.15", "START_CACHE", "false"));

        assertThat(calls()).containsExactly("call directory=" + work.toRealPath() + " database=none arguments=-jar "
                + jar.toRealPath() + " --API_PORT=9000");
    }

    /** A stand-in Maven wrapper running this script, and sources newer than the jar, so start.sh builds. */
    private void standInMaven(String script) throws IOException {
        Path mvnw = repository.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(repository.resolve("pom.xml"), FileTime.from(Instant.now()));
    }

    private String start(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessResult result = run(environment);
        assertThat(result.status()).as(result.output()).isZero();
        return result.output();
    }

    private record ProcessResult(int status, String output) {
    }

    private ProcessResult run(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder start = new ProcessBuilder("bash", repository.resolve("start.sh").toString(), "--API_PORT=9000")
                .directory(work.toFile()).redirectErrorStream(true);
        start.environment().put("PATH", temp.resolve("bin") + ":" + System.getenv("PATH"));
        start.environment().remove("JAVA_OPTS");
        start.environment().remove("DATABASE_URL");
        start.environment().remove("START_CACHE");
        start.environment().putAll(environment);
        Process process = start.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(calls);
    }

    private String lastCall() throws IOException {
        List<String> all = calls();
        return all.get(all.size() - 1);
    }
}
