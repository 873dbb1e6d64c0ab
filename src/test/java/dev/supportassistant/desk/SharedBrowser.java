package dev.supportassistant.desk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for every browser test of the run: Debian's {@code chromium} driven by its
 * {@code chromedriver} ({@code .ci/run} installs both with apt-get), started by the first test class
 * that needs it and closed when the test run ends. Chromium gets a fresh profile and the flags that
 * keep it off the network (this machine has none but the loopback), so it talks only to the
 * service under test.
 */
public final class SharedBrowser implements BeforeAllCallback {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

    private static Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Browser.class, type -> Browser.start(),
                Browser.class);
    }

    static ChromeDriver driver() {
        return browser.driver();
    }

    /** The browser and its profile folder, deleted when the run ends. */
    record Browser(ChromeDriver driver, Path profile) implements AutoCloseable {

        static Browser start() {
            if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
                throw new IllegalStateException("The desk's browser tests need Debian's Chromium and its driver at "
                        + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver "
                        + "(.ci/run does so when they are missing)");
            }
            try {
                Path profile = Files.createTempDirectory("desk-chromium-");
                ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        "--disable-extensions", "--window-size=1280,900", "--user-data-dir=" + profile);
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
                ChromeDriver driver = new ChromeDriver(service, options);
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
                return new Browser(driver, profile);
            } catch (IOException noTemporaryFolder) {
                throw new UncheckedIOException(noTemporaryFolder);
            }
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
