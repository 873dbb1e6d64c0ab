package dev.supportassistant.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test corpus of support messages ({@code src/test/resources/privacy}), in three parts written
 * one after the other (the files' heads say how each was used): each line a message, its personal
 * data marked {@code {{KIND:value}}}. Reads the messages with the marks removed and
 * the spans they marked, and scores what {@link PersonalData#find} returns against them.
 */
final class LabelledTexts {

    /** The parts, in the order they were written: {@code /privacy/<part>-with.txt} and {@code -without.txt}. */
    static final List<String> PARTS = List.of("first", "second", "third");

    private static final Pattern MARK = Pattern.compile("\\{\\{([A-Z]+):(.+?)}}");

    /** A message and the personal data marked in it. */
    record Text(String text, List<PersonalDataMatch> marked) {
    }

    private LabelledTexts() {
    }

    static List<Text> with(String part) {
        return load("/privacy/" + part + "-with.txt");
    }

    static List<Text> without(String part) {
        return load("/privacy/" + part + "-without.txt");
    }

    private static List<Text> load(String resource) {
        List<Text> texts = new ArrayList<>();
        try (InputStream in = LabelledTexts.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    texts.add(parse(line.replace("\\n", "\n")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    static Text parse(String line) {
        StringBuilder text = new StringBuilder();
        List<PersonalDataMatch> marked = new ArrayList<>();
        Matcher mark = MARK.matcher(line);
        int written = 0;
        while (mark.find()) {
            text.append(line, written, mark.start());
            int start = text.length();
            text.append(mark.group(2));
            marked.add(new PersonalDataMatch(PersonalDataKind.valueOf(mark.group(1)), start, text.length()));
            written = mark.end();
        }
        text.append(line, written, line.length());
        return new Text(text.toString(), marked);
    }

    /** Found, missed and wrongly found spans per kind; a span counts only with its exact bounds. */
    static final class Score {

        final Map<PersonalDataKind, int[]> counts = new EnumMap<>(PersonalDataKind.class);
        final List<String> errors = new ArrayList<>();

        Score() {
            for (PersonalDataKind kind : PersonalDataKind.values()) {
                counts.put(kind, new int[3]); // true positives, false positives, false negatives
            }
        }

        void add(Text text, List<PersonalDataMatch> found) {
            for (PersonalDataMatch match : found) {
                boolean right = text.marked().contains(match);
                counts.get(match.kind())[right ? 0 : 1]++;
                if (!right) {
                    errors.add("wrongly found " + match.kind() + " '" + text.text().substring(match.start(), match.end())
                            + "' in: " + text.text());
                }
            }
            for (PersonalDataMatch match : text.marked()) {
                if (!found.contains(match)) {
                    counts.get(match.kind())[2]++;
                    errors.add("missed " + match.kind() + " '" + text.text().substring(match.start(), match.end())
                            + "' in: " + text.text());
                }
            }
        }

        double precision(PersonalDataKind kind) {
            int[] c = counts.get(kind);
            return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
        }

        double recall(PersonalDataKind kind) {
            int[] c = counts.get(kind);
            return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
        }

        int marked(PersonalDataKind kind) {
            return counts.get(kind)[0] + counts.get(kind)[2];
        }

        String table() {
            StringBuilder table = new StringBuilder("| Kind | marked | found right | found wrongly | missed | precision | recall |\n"
                    + "|---|---|---|---|---|---|---|\n");
            int[] total = new int[3];
            for (PersonalDataKind kind : PersonalDataKind.values()) {
                int[] c = counts.get(kind);
                table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f | %.3f |%n", kind,
                        c[0] + c[2], c[0], c[1], c[2], precision(kind), recall(kind)));
                for (int i = 0; i < 3; i++) {
                    total[i] += c[i];
                }
            }
            table.append(String.format(Locale.ROOT, "| all | %d | %d | %d | %d | %.3f | %.3f |%n", total[0] + total[2],
                    total[0], total[1], total[2], (double) total[0] / (total[0] + total[1]),
                    (double) total[0] / (total[0] + total[2])));
            return table.toString();
        }
    }
}
