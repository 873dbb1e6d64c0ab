package dev.supportassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The documentation as files: the README stays a short entry point, its links and the manual's
 * lead to files of this repository (a user who clones it has nothing else) and to headings that
 * exist, and every setting the service reads is documented.
 */
class DocumentationFilesTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern SETTING = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");

    @Test
    void theReadmeStaysShort() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(300);
    }

    @Test
    void everyLinkLeadsToAFileOfThisRepositoryAndAHeadingInIt() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : documents()) {
            for (String link : links(file)) {
                if (link.matches("[a-z]+:.*")) {
                    continue; // https:, mailto: and the like
                }
                String[] parts = link.split("#", 2);
                Path target = parts[0].isEmpty() ? file : file.getParent().resolve(parts[0]).normalize();
                if (!target.startsWith(REPOSITORY) || !Files.exists(target)) {
                    broken.add(REPOSITORY.relativize(file) + ": " + link + " (no such file in the repository)");
                } else if (parts.length == 2 && !anchors(target).contains(parts[1])) {
                    broken.add(REPOSITORY.relativize(file) + ": " + link + " (no such heading)");
                }
            }
        }

        assertThat(documents()).hasSizeGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    @Test
    void everySettingTheServiceReadsIsInTheConfigurationDocumentAndTheExample() throws IOException {
        Set<String> settings = new LinkedHashSet<>();
        Matcher matcher = SETTING.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        while (matcher.find()) {
            settings.add(matcher.group(1));
        }
        String configuration = Documentation.text("docs/configuration.md");
        String example = Documentation.text(".env.example");

        assertThat(settings).hasSizeGreaterThan(50);
        assertThat(settings).allSatisfy(setting -> {
            assertThat(configuration).as("docs/configuration.md").contains("| `" + setting + "` |");
            assertThat(example).as(".env.example").containsPattern("(?m)^(# )?" + setting + "=");
        });
    }

    /** README.md and every Markdown file under docs/. */
    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
        try (Stream<Path> manual = Files.walk(REPOSITORY.resolve("docs"))) {
            manual.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** Link targets outside fenced code blocks. */
    private static List<String> links(Path file) throws IOException {
        List<String> links = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(file)) {
            fenced ^= line.startsWith("```");
            Matcher link = LINK.matcher(line);
            while (!fenced && link.find()) {
                links.add(link.group(1));
            }
        }
        return links;
    }

    /** The anchors GitHub gives the headings of a Markdown file (none for other files). */
    private static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        if (!file.toString().endsWith(".md")) {
            return anchors;
        }
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(file)) {
            fenced ^= line.startsWith("```");
            int level = fenced ? 0 : Documentation.headingLevel(line);
            if (level > 0) {
                String slug = line.substring(level).strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{M}\\p{N}_ -]", "").replace(' ', '-');
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        return anchors;
    }
}
