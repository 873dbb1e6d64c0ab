package dev.supportassistant.confusion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.supportassistant.confusion.ConfusionAnalyzer.Turn;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled confusion evaluation set (src/test/resources/confusion/): customer messages, with
 * the conversation before them, marked by whether the customer needs visual help. Two parts: the
 * tuning part ({@code evaluation.jsonl}), whose errors per kind guide work on the analyzer, and the
 * held-aside part ({@code evaluation-held-aside.jsonl}), written before the work it measures, of
 * which only aggregate figures are printed. Shared by the analyzer's evaluation and the end-to-end
 * evaluation of the screen-share flag.
 */
public final class LabelledMessages {

    public static final String TUNING = "/confusion/evaluation.jsonl";
    public static final String HELD_ASIDE = "/confusion/evaluation-held-aside.jsonl";
    /**
     * Problems stated plainly in a first message ("I cannot log in, the reset email never arrives",
     * "Password reset link says it is invalid"), none of which needs visual help: a tuning part, and
     * a part written at the same time and held aside from the work, of which only the rate is printed.
     */
    public static final String CALM_TUNING = "/confusion/calm-problems.jsonl";
    public static final String CALM_HELD_ASIDE = "/confusion/calm-problems-held-aside.jsonl";

    /** One labelled line of the evaluation set. */
    public record Case(String id, List<Message> history, String message, boolean needsVisualHelp, String kind) {

        public List<Turn> turns() {
            return history.stream().map(turn -> new Turn("user".equals(turn.role()), turn.content())).toList();
        }
    }

    /** One earlier turn as the evaluation set writes it. */
    public record Message(String role, String content) {
    }

    /** Precision, recall and F1 from the confusion matrix. */
    public record Figures(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            return ratio(2 * precision() * recall(), precision() + recall());
        }

        private static double ratio(double part, double whole) {
            return whole == 0 ? 0 : part / whole;
        }

        public String row(String name) {
            return String.format(Locale.ROOT, "| %-36s | %9.3f | %6.3f | %5.3f | %3d | %3d | %3d | %3d |", name,
                    precision(), recall(), f1(), truePositives, falsePositives, falseNegatives, trueNegatives);
        }

        public static String header() {
            return "| Detector and part                    | Precision | Recall | F1    | TP  | FP  | FN  | TN  |\n"
                    + "|--------------------------------------|-----------|--------|-------|-----|-----|-----|-----|";
        }
    }

    private LabelledMessages() {
    }

    /**
     * The share of calm cases flagged; with {@code printFlagged}, prints the flagged messages (only
     * for a tuning part).
     */
    public static double flaggedShare(List<Case> calm, Predicate<Case> flagged, boolean printFlagged) {
        long count = 0;
        for (Case c : calm) {
            if (flagged.test(c)) {
                count++;
                if (printFlagged) {
                    System.out.println("  flagged: " + c.id() + " " + c.message());
                }
            }
        }
        return calm.isEmpty() ? 0 : (double) count / calm.size();
    }

    public static List<Case> load(String resource) {
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = LabelledMessages.class.getResourceAsStream(resource);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(json.readValue(line, Case.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /**
     * Scores every case; with {@code printErrors}, prints the errors per kind of message (only for
     * the tuning part: the held-aside part's errors are never looked at).
     */
    public static Figures evaluate(List<Case> cases, Predicate<Case> flagged, String name, boolean printErrors) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        Map<String, int[]> errorsByKind = new TreeMap<>();
        for (Case c : cases) {
            boolean predicted = flagged.test(c);
            int[] errors = errorsByKind.computeIfAbsent(c.kind(), kind -> new int[3]);
            errors[2]++;
            if (predicted && c.needsVisualHelp()) {
                tp++;
            } else if (predicted) {
                fp++;
                errors[0]++;
            } else if (c.needsVisualHelp()) {
                fn++;
                errors[1]++;
            } else {
                tn++;
            }
        }
        if (printErrors) {
            System.out.printf("%nErrors per kind, %s (false positives / false negatives / messages):%n", name);
            errorsByKind.forEach((kind, errors) -> {
                if (errors[0] + errors[1] > 0) {
                    System.out.printf("  %-26s FP %2d  FN %2d  of %3d%n", kind, errors[0], errors[1], errors[2]);
                }
            });
        }
        return new Figures(tp, fp, fn, tn);
    }
}
