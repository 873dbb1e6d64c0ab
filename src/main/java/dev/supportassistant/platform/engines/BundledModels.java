package dev.supportassistant.platform.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The offline models the build puts under {@code offline-models/} on the class path (Tesseract's
 * English model, Vosk's small English model), copied out to a folder once: the native engines read
 * files, and inside a Spring Boot jar the models are not files.
 */
public final class BundledModels {

    private static final String ROOT = "offline-models/";
    private static final String COMPLETE = ".complete";

    private BundledModels() {
    }

    /**
     * The folder holding the model under {@code offline-models/<name>/}, copied under the system's
     * temporary folder on first use and reused after (by later starts too, while its size matches).
     */
    public static synchronized Path folder(String name) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(BundledModels.class.getClassLoader())
                    .getResources("classpath*:" + ROOT + name + "/**");
            long bytes = 0;
            for (Resource file : files) {
                if (file.isReadable() && !file.getURL().getPath().endsWith("/")) {
                    bytes += file.contentLength();
                }
            }
            if (bytes == 0) {
                throw new IllegalStateException("The offline model " + name + " is missing from the build");
            }
            Path folder = Path.of(System.getProperty("java.io.tmpdir"), "support-assistant-models", name + "-" + bytes);
            if (Files.exists(folder.resolve(COMPLETE))) {
                return folder;
            }
            Files.createDirectories(folder);
            String prefix = ROOT + name + "/";
            for (Resource file : files) {
                String url = file.getURL().toString();
                int at = url.lastIndexOf(prefix);
                if (at < 0 || url.endsWith("/") || !file.isReadable()) {
                    continue;
                }
                Path target = folder.resolve(url.substring(at + prefix.length())).normalize();
                if (!target.startsWith(folder)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path partial = Files.createTempFile(target.getParent(), ".part", "");
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.write(folder.resolve(COMPLETE), new byte[0]);
            return folder;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot copy out the offline model " + name, unreadable);
        }
    }
}
