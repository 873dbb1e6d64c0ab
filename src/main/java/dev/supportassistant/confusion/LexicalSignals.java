package dev.supportassistant.confusion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Confusion read from the words of one message: confusion phrases ("stuck", "doesn't work"),
 * not finding something in the interface, emotional words and shouting, error codes and stack
 * traces, a pile of questions, negations and uncertainty. Each kind of signal adds a capped weight,
 * so one kind alone cannot reach the screen-share threshold but two or three together do. A customer
 * saying it works now lowers the level. Cheap:
 * a few dozen regular expressions, no model.
 */
final class LexicalSignals {

    private static final Map<String, Pattern> CONFUSION_PHRASES = wholePhrases(
            "confused", "confusing", "stuck", "lost", "doesn't work", "does not work", "don't work",
            "not working", "isn't working", "won't work", "still not", "still doesn't", "still can't",
            "don't understand", "do not understand", "don't get it", "can't figure", "cannot figure",
            "no idea", "makes no sense", "tried everything", "nothing works", "nothing happens",
            "going around in circles", "keeps failing", "keeps happening", "again and again", "broken",
            "doesn't make sense", "does not make sense", "not following", "what does that even mean",
            "what does it even", "what gives", "what on earth", "huh", "idk", "can't work out", "cannot work out",
            "don't know which", "don't know where", "don't know what", "what did i do", "run out of ideas",
            "getting nowhere", "without success", "no luck", "at a loss", "what is going on", "what's going on",
            "more confused", "no clue");
    /**
     * "Doesn't work" and "don't understand" in the languages customers most often write in besides
     * English: the embedding model reads English only, so this is what the other languages get.
     */
    private static final Map<String, Pattern> OTHER_LANGUAGES = wholePhrases(
            "funktioniert nicht", "geht nicht", "verstehe nicht", "verstehe es nicht", "komme nicht weiter",
            "ne marche pas", "ne fonctionne pas", "ne comprends pas", "je suis bloqué", "no funciona",
            "no entiendo", "no puedo", "estoy atascado", "não funciona", "não entendo", "non funziona",
            "non capisco", "werkt niet", "snap het niet", "tourne en rond", "impossible de", "n'arrive pas",
            "rien ne marche", "no aparece", "sigue sin", "no me deja", "não aparece", "não consigo", "non riesco",
            "non trovo", "niets helpt", "lukt niet", "immer noch", "klappt nicht", "gleiches problem", "finde nicht",
            "überall gesucht", "alles versucht", "einfach nicht");
    private static final Map<String, Pattern> NOT_FOUND_PHRASES = wholePhrases(
            "can't find", "cannot find", "couldn't find", "can't see", "don't see", "doesn't show",
            "not showing", "isn't there", "is not there", "nowhere", "disappeared", "greyed out", "grayed out");
    private static final Map<String, Pattern> EMOTIONAL_WORDS = wholePhrases(
            "frustrated", "frustrating", "annoyed", "annoying", "angry", "furious", "ridiculous",
            "useless", "terrible", "awful", "hate", "fed up", "sick of", "wtf", "ugh", "argh", "seriously",
            "waste of time", "give up", "desperate", "driving me nuts", "driving me crazy", "going crazy",
            "losing my mind", "losing patience", "losing my patience", "end of my rope", "end of my tether",
            "pulling my hair out", "very cool", "love that for me", "really loving this", "making progress here");
    private static final Map<String, Pattern> UNCERTAINTY = wholePhrases(
            "not sure", "i think", "maybe", "i guess", "somehow", "i don't know", "whatever", "no clue");
    private static final Pattern ERROR_CODE = Pattern.compile(
            "\\b0x[0-9a-f]{6,8}\\b|\\bhttp\\s*[45]\\d\\d\\b|\\b(?:error|code)\\s*[:#]?\\s*[a-z]?\\d{3,5}\\b"
                    + "|\\b[a-z]\\d{4}\\b|\\b[A-Z]{1,5}-\\d{2,4}\\b|\\b\\w+(?:exception|error)\\b|traceback|\\bat [\\w.$]+\\([\\w.]+:\\d+\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|never|nothing|nobody|no|none)\\b|n't\\b");
    /** A word that turns a following confusion word around: "not confused", "nothing is broken". */
    private static final Pattern NEGATED_BEFORE = Pattern.compile(
            "(?:\\b(?:not|no|nothing|never|without)|isn't|wasn't|aren't)\\W+(?:\\w+\\W+)?$");
    private static final Pattern RESOLVED = Pattern.compile("\\b(?:fixed|solved|sorted|worked|it works|works now"
            + "|working now|works fine|it's working|got it working|did the trick|that did it|found it|there it is"
            + "|figured it out|back to normal|all good|all set|perfect|thanks|thank you|cheers|that was it|fine now"
            + "|did the trick)\\b(?! in advance| for any)|\\bdid it(?:[.!]|$)");
    /** "Thanks, but it still fails" is not resolved. */
    private static final Pattern BUT_NOT = Pattern.compile("\\b(?:still|but|not|no|same)\\b|n't\\b");
    private static final double RESOLVED_RELIEF = 0.5;
    private static final double CORROBORATION = 0.15;
    /** Words of a customer asking at leisure: "just curious", "in general", "no rush". */
    private static final Pattern AT_LEISURE = Pattern.compile("\\b(?:just curious|out of curiosity|in general|just wondering"
            + "|just checking|just double-checking|double-checking|no rush|not urgent|for later|for future reference"
            + "|just want to (?:file|report|know|check))\\b");
    private static final double AT_LEISURE_RELIEF = 0.25;
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b[A-Z]{4,}\\b");
    /** Confusion phrases that say what the product does ("the audio doesn't work"), not how the customer is. */
    private static final List<String> NOT_WORKING = List.of("doesn't work", "does not work", "don't work",
            "not working", "isn't working", "won't work", "broken");
    /** Signals that say only what the product did, nothing about how the customer is getting on with it. */
    private static final List<String> WHAT_HAPPENED = List.of("quoted error", "refused", "error code", "negations",
            "at leisure", "resolved");

    private final ReportedFailures reported = new ReportedFailures();

    /** The customer's words, in lower case, as the phrase patterns expect them. */
    static String normalized(String message) {
        // Typographic apostrophes from phones would otherwise hide "doesn’t work".
        return message.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /** The lexical part of the confusion level, with the signals that make it up added to {@code signals}. */
    double score(String message, List<String> signals) {
        String text = normalized(message);
        double level = 0;
        level += phrases(text, CONFUSION_PHRASES, "confusion phrase", 0.2, 0.45, signals);
        level += phrases(text, NOT_FOUND_PHRASES, "cannot find it", 0.2, 0.3, signals);
        level += phrases(text, OTHER_LANGUAGES, "confusion phrase", 0.3, 0.45, signals);
        level += frustration(message, text, signals);
        level += errorCodes(message, signals);
        level += questions(message, signals);
        level += negations(text, signals);
        level += phrases(text, UNCERTAINTY, "uncertainty", 0.1, 0.1, signals);
        level += reported.score(message, text, signals);
        level += corroboration(signals);
        Matcher leisure = AT_LEISURE.matcher(text);
        if (leisure.find()) {
            signals.add("at leisure: " + leisure.group());
            level -= AT_LEISURE_RELIEF;
        }
        if (resolved(message)) {
            signals.add("resolved: the customer says it works now");
            level -= RESOLVED_RELIEF;
        }
        return level;
    }

    /**
     * Whether the lexical signals found (by {@link #score}) report only what happened ("it says the
     * link is invalid", "the email never arrives"): no confusion phrase, frustration, effort spent,
     * repetition or contradiction, the words of a customer who is stuck rather than one who tells us.
     */
    static boolean onlyWhatHappened(List<String> signals) {
        return signals.stream().allMatch(signal -> WHAT_HAPPENED.contains(signal.split(":")[0])
                || NOT_WORKING.stream().anyMatch(phrase -> signal.equals("confusion phrase: " + phrase)));
    }

    /**
     * Added when the message shows two or more kinds of trouble (a confusion phrase and an error
     * quoted, effort spent and a refusal): each alone may be said calmly; together they describe a
     * customer who has hit a wall.
     */
    private static double corroboration(List<String> signals) {
        long kinds = signals.stream().map(signal -> signal.split(":")[0])
                .filter(kind -> !kind.equals("negations") && !kind.equals("uncertainty") && !kind.contains("question"))
                .distinct().count();
        if (kinds >= 2) {
            signals.add("corroborated: " + kinds + " kinds of trouble");
            return CORROBORATION;
        }
        return 0;
    }

    /** Whether the customer says their problem is solved, with no "but" or "still" after it. */
    static boolean resolved(String message) {
        String text = normalized(message);
        return RESOLVED.matcher(text).find() && !BUT_NOT.matcher(text).find();
    }

    /** How frustrated one message sounds from its words alone: 0.0 (calm) to 0.5. */
    double frustration(String message) {
        return frustration(message, normalized(message), new ArrayList<>());
    }

    private static double frustration(String message, String text, List<String> signals) {
        return phrases(text, EMOTIONAL_WORDS, "frustration", 0.15, 0.3, signals) + shouting(message, signals);
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
            Matcher matcher = phrase.getValue().matcher(text);
            if (matcher.find() && !negated(text, matcher.start())) {
                signals.add(kind + ": " + phrase.getKey());
                score += weight;
            }
        }
        return Math.min(cap, score);
    }

    /** "No problems, nothing is broken" is a calm customer, not a confused one. */
    private static boolean negated(String text, int start) {
        return NEGATED_BEFORE.matcher(text.substring(Math.max(0, start - 24), start)).find();
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
}
