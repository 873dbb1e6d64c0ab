package dev.supportassistant.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * The articles the knowledge base starts from: the Markdown and text files of
 * {@code KNOWLEDGE_DIR} (sub-folders included), or the starter articles bundled under
 * {@code src/main/resources/knowledge/} when it is not set.
 */
@Component
class KnowledgeFolder {

    /** A file's name relative to the folder, and its text. */
    record SourceFile(String name, String text) {
    }

    private static final String BUNDLED = "classpath*:knowledge/*.md";

    private final KnowledgeSettings settings;

    KnowledgeFolder(KnowledgeSettings settings) {
        this.settings = settings;
        if (isCustom() && !Files.isDirectory(Path.of(settings.dir()))) {
            throw new InvalidSettingException("KNOWLEDGE_DIR", settings.dir(), "an existing folder of .md or .txt files");
        }
    }

    List<SourceFile> read() {
        try {
            return isCustom() ? readFolder(Path.of(settings.dir())) : readBundled();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the knowledge articles", e);
        }
    }

    private boolean isCustom() {
        return settings.dir() != null && !settings.dir().isBlank();
    }

    private static List<SourceFile> readFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<SourceFile> sources = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().matches("(?i).+\\.(md|markdown|txt)$"))
                    .sorted().toList()) {
                sources.add(new SourceFile(folder.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
            return sources;
        }
    }

    private static List<SourceFile> readBundled() throws IOException {
        List<SourceFile> sources = new ArrayList<>();
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLED);
        for (Resource resource : Stream.of(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
            try (InputStream in = resource.getInputStream()) {
                sources.add(new SourceFile(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return sources;
    }
}
