package dev.supportassistant.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.supportassistant.confusion.ConfusionAnalyzer.Turn;
import dev.supportassistant.embedding.SentenceEmbeddings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the confusion analyzer on the labelled evaluation set (src/test/resources/confusion/
 * evaluation.jsonl) at the default threshold, next to the old FastAPI backend's keyword heuristic,
 * and prints precision, recall, F1 and the errors per kind of message to guide future work. The set
 * is held out: the analyzer's example phrases and weights are not taken from it.
 */
class ConfusionEvaluationTest {

    private static final double THRESHOLD = 0.6;
    private static final double REQUIRED_F1 = 0.85;

    /** One labelled line of the evaluation set. */
    record Case(String id, List<Message> history, String message, boolean needsVisualHelp, String kind) {

        List<Turn> turns() {
            return history.stream().map(turn -> new Turn("user".equals(turn.role()), turn.content())).toList();
        }
    }

    /** One earlier turn as the evaluation set writes it. */
    record Message(String role, String content) {
    }

    /** Precision, recall and F1 from the confusion matrix. */
    record Figures(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        double f1() {
            return ratio(2 * precision() * recall(), precision() + recall());
        }

        private static double ratio(double part, double whole) {
            return whole == 0 ? 0 : part / whole;
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %-30s | %9.3f | %6.3f | %5.3f | %3d | %3d | %3d | %3d |", name,
                    precision(), recall(), f1(), truePositives, falsePositives, falseNegatives, trueNegatives);
        }
    }

    @Test
    void analyzerReachesTheRequiredF1OnTheEvaluationSetAndBeatsTheOldHeuristic() throws IOException {
        List<Case> cases = load();
        var analyzer = new SignalConfusionAnalyzer(new ConfusionSettings(THRESHOLD), new SentenceEmbeddings());

        Figures analyzerFigures = evaluate(cases, c -> analyzer.assess(c.message(), c.turns()).confused(),
                "analyzer");
        Figures oldFigures = evaluate(cases, c -> OldKeywordHeuristic.score(c.message()) >= THRESHOLD,
                "old keyword heuristic");

        System.out.printf(Locale.ROOT, "%nConfusion evaluation: %d messages (%d need visual help), threshold %.2f%n",
                cases.size(), cases.stream().filter(Case::needsVisualHelp).count(), THRESHOLD);
        System.out.println("| Detector                       | Precision | Recall | F1    | TP  | FP  | FN  | TN  |");
        System.out.println("|--------------------------------|-----------|--------|-------|-----|-----|-----|-----|");
        System.out.println(analyzerFigures.row("analyzer (this service)"));
        System.out.println(oldFigures.row("old backend keyword heuristic"));

        assertThat(analyzerFigures.f1()).as("F1 of the confusion analyzer").isGreaterThanOrEqualTo(REQUIRED_F1);
        assertThat(analyzerFigures.f1()).as("F1 against the old heuristic").isGreaterThan(oldFigures.f1());
    }

    /** Scores every case, prints the errors per kind and returns the overall figures. */
    private static Figures evaluate(List<Case> cases, Predicate<Case> flagged, String name) {
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
        System.out.printf("%nErrors per kind, %s (false positives / false negatives / messages):%n", name);
        errorsByKind.forEach((kind, errors) -> {
            if (errors[0] + errors[1] > 0) {
                System.out.printf("  %-26s FP %2d  FN %2d  of %3d%n", kind, errors[0], errors[1], errors[2]);
            }
        });
        return new Figures(tp, fp, fn, tn);
    }

    static List<Case> load() throws IOException {
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ConfusionEvaluationTest.class.getResourceAsStream("/confusion/evaluation.jsonl");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(json.readValue(line, Case.class));
                }
            }
        }
        assertThat(cases).as("evaluation set").hasSizeGreaterThanOrEqualTo(300);
        return cases;
    }

    /**
     * A port, faithful in spirit, of the old FastAPI backend's confusion heuristic: every keyword
     * found anywhere in the lower-cased message (plain substring search, as Python's {@code in}) adds
     * 0.2, each question mark adds 0.1 up to 0.3, capped at 1.0. It looked at the message alone,
     * never at the conversation.
     */
    static final class OldKeywordHeuristic {

        private static final List<String> KEYWORDS = List.of("confused", "don't understand", "not working", "error",
                "help", "stuck", "how do i", "can't", "unable", "problem", "issue", "wrong");

        static double score(String message) {
            String text = message.toLowerCase(Locale.ROOT);
            long matches = KEYWORDS.stream().filter(text::contains).count();
            long questions = message.chars().filter(c -> c == '?').count();
            return Math.min(1.0, matches * 0.2 + Math.min(0.3, questions * 0.1));
        }
    }
}
