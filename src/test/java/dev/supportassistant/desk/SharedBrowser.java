package dev.supportassistant.desk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chrome or Chromium for every browser test of the run, started by the first test
 * class that needs it and closed when the test run ends. It is the first of {@link #BROWSERS} on
 * the PATH, driven by the {@code chromedriver} on the PATH ({@code .ci/run} installs Debian's
 * {@code chromium} and {@code chromium-driver}); whatever of the two is missing, Selenium Manager
 * finds or fetches (an installed Chrome on macOS or Windows, or Chrome for Testing and its driver
 * where the internet is reachable). The browser gets a fresh profile and the flags that keep it off
 * the network, so it talks only to the service under test.
 */
public final class SharedBrowser implements BeforeAllCallback {

    /** The names Chrome and Chromium go by on the PATH, in the order they are looked for. */
    static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

    private static Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Browser.class, type -> Browser.start(),
                Browser.class);
    }

    public static ChromeDriver driver() {
        return browser.driver();
    }

    /**
     * How often a wait on the shared browser looks again: Selenium's default of 500 ms added up to a
     * quarter of a second to every wait for the page, some 10 s of each test run.
     */
    public static final Duration POLLING = Duration.ofMillis(100);

    /** A wait on the shared browser that looks again every {@link #POLLING}. */
    public static WebDriverWait waiting(Duration patience) {
        return new WebDriverWait(driver(), patience, POLLING);
    }

    /** The browser and its profile folder, deleted when the run ends. */
    record Browser(ChromeDriver driver, Path profile) implements AutoCloseable {

        static Browser start() {
            Optional<Path> binary = BROWSERS.stream().flatMap(name -> onThePath(name).stream()).findFirst();
            Optional<Path> driverOnThePath = onThePath("chromedriver");
            Path profile;
            try {
                profile = Files.createTempDirectory("desk-chromium-");
            } catch (IOException noTemporaryFolder) {
                throw new UncheckedIOException(noTemporaryFolder);
            }
            ChromeOptions options = new ChromeOptions().addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-extensions",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            binary.ifPresent(path -> options.setBinary(path.toFile()));
            ChromeDriverService.Builder service = new ChromeDriverService.Builder().usingAnyFreePort();
            driverOnThePath.ifPresent(path -> service.usingDriverExecutable(path.toFile()));
            try {
                ChromeDriver driver = new ChromeDriver(service.build(), options);
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
                return new Browser(driver, profile);
            } catch (WebDriverException noBrowser) {
                throw new IllegalStateException("The desk's browser tests need Chrome or Chromium and its chromedriver: "
                        + "on the PATH (" + String.join(", ", BROWSERS) + "; found "
                        + binary.map(Path::toString).orElse("none") + ", chromedriver "
                        + driverOnThePath.map(Path::toString).orElse("none") + "), or found or fetched by Selenium "
                        + "Manager where the internet is reachable. On Debian: apt-get install chromium chromium-driver",
                        noBrowser);
            }
        }

        /** The executable of this name in the first folder of the PATH that has one. */
        private static Optional<Path> onThePath(String name) {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            return Stream.of(path.split(File.pathSeparator)).filter(folder -> !folder.isBlank())
                    .flatMap(folder -> Stream.of(Path.of(folder, name), Path.of(folder, name + ".exe")))
                    .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate)).findFirst();
        }

        @Override
        public void close() throws IOException {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
