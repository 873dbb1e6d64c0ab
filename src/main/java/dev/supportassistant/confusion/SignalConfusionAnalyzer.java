package dev.supportassistant.confusion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * A first confusion analyzer from explicit signals: confusion phrases ("stuck", "doesn't work"),
 * emotional words and shouting, error codes and stack traces, a pile of questions, negations,
 * uncertainty, and the customer repeating an earlier question. Each kind of signal adds a capped
 * weight, so one kind alone cannot reach the screen-share threshold but two or three together do.
 */
@Component
class SignalConfusionAnalyzer implements ConfusionAnalyzer {

    private static final Map<String, Pattern> CONFUSION_PHRASES = wholePhrases(
            "confused", "confusing", "stuck", "lost", "doesn't work", "does not work", "don't work",
            "not working", "isn't working", "won't work", "still not", "still doesn't", "still can't",
            "don't understand", "do not understand", "don't get it", "can't figure", "cannot figure",
            "no idea", "makes no sense", "tried everything", "nothing works", "nothing happens",
            "going around in circles", "keeps failing", "keeps happening", "again and again", "broken");
    private static final Map<String, Pattern> EMOTIONAL_WORDS = wholePhrases(
            "frustrated", "frustrating", "annoyed", "annoying", "angry", "furious", "ridiculous",
            "useless", "terrible", "awful", "hate", "fed up", "sick of", "wtf", "ugh", "argh", "seriously",
            "waste of time", "give up", "desperate");
    private static final Map<String, Pattern> UNCERTAINTY = wholePhrases(
            "not sure", "i think", "maybe", "i guess", "somehow", "i don't know", "whatever", "no clue");
    private static final Pattern ERROR_CODE = Pattern.compile(
            "\\b0x[0-9a-f]{6,8}\\b|\\bhttp\\s*[45]\\d\\d\\b|\\b(?:error|code)\\s*[:#]?\\s*[a-z]?\\d{3,5}\\b"
                    + "|\\b[a-z]\\d{4}\\b|\\b\\w+(?:exception|error)\\b|traceback|\\bat [\\w.$]+\\([\\w.]+:\\d+\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|never|nothing|nobody|no|none)\\b|n't\\b");
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b[A-Z]{4,}\\b");

    private final ConfusionSettings settings;

    SignalConfusionAnalyzer(ConfusionSettings settings) {
        this.settings = settings;
    }

    @Override
    public ConfusionAssessment assess(String message, List<String> earlierMessages) {
        String text = message.toLowerCase(Locale.ROOT);
        List<String> signals = new ArrayList<>();
        double level = 0;
        level += phrases(text, CONFUSION_PHRASES, "confusion phrase", 0.2, 0.45, signals);
        level += phrases(text, EMOTIONAL_WORDS, "frustration", 0.15, 0.3, signals);
        level += shouting(message, signals);
        level += errorCodes(message, signals);
        level += questions(message, signals);
        level += negations(text, signals);
        level += phrases(text, UNCERTAINTY, "uncertainty", 0.1, 0.1, signals);
        level += repetition(text, earlierMessages, signals);
        double rounded = Math.round(Math.min(1.0, level) * 100) / 100.0;
        return new ConfusionAssessment(rounded, signals, rounded >= settings.threshold());
    }

    private static Map<String, Pattern> wholePhrases(String... phrases) {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String phrase : phrases) {
            patterns.put(phrase, Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b"));
        }
        return patterns;
    }

    private static double phrases(String text, Map<String, Pattern> phrases, String kind, double weight, double cap,
            List<String> signals) {
        double score = 0;
        for (Map.Entry<String, Pattern> phrase : phrases.entrySet()) {
            if (phrase.getValue().matcher(text).find()) {
                signals.add(kind + ": " + phrase.getKey());
                score += weight;
            }
        }
        return Math.min(cap, score);
    }

    private static double shouting(String message, List<String> signals) {
        double score = 0;
        if (message.contains("!!")) {
            signals.add("frustration: repeated exclamation marks");
            score += 0.1;
        }
        Matcher shouted = SHOUTED_WORD.matcher(message);
        int count = 0;
        while (shouted.find()) {
            if (!ERROR_CODE.matcher(shouted.group()).matches() && !shouted.group().startsWith("HTTP")) {
                count++;
            }
        }
        if (count >= 2) {
            signals.add("frustration: shouting");
            score += 0.1;
        }
        return score;
    }

    private static double errorCodes(String message, List<String> signals) {
        Matcher matcher = ERROR_CODE.matcher(message);
        if (matcher.find()) {
            signals.add("error code: " + matcher.group().strip());
            return 0.25;
        }
        return 0;
    }

    private static double questions(String message, List<String> signals) {
        long count = message.chars().filter(c -> c == '?').count();
        if (count >= 3) {
            signals.add("many questions: " + count);
            return 0.15;
        }
        if (count == 2) {
            signals.add("several questions");
            return 0.05;
        }
        return 0;
    }

    private static double negations(String text, List<String> signals) {
        Matcher matcher = NEGATION.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        if (count >= 2) {
            signals.add("negations: " + count);
            return 0.1;
        }
        return 0;
    }

    /** Asking the same thing again means the earlier answer did not help. */
    private static double repetition(String text, List<String> earlierMessages, List<String> signals) {
        Set<String> words = words(text);
        if (words.size() < 3) {
            return 0;
        }
        for (String earlier : earlierMessages) {
            Set<String> earlierWords = words(earlier.toLowerCase(Locale.ROOT));
            Set<String> shared = new HashSet<>(words);
            shared.retainAll(earlierWords);
            Set<String> all = new HashSet<>(words);
            all.addAll(earlierWords);
            if (!all.isEmpty() && (double) shared.size() / all.size() >= 0.5) {
                signals.add("repeated question");
                return 0.2;
            }
        }
        return 0;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.split("[^\\p{L}\\p{N}']+")) {
            if (word.length() > 2) {
                words.add(word);
            }
        }
        return words;
    }
}
