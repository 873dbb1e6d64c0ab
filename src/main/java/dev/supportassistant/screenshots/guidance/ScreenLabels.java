package dev.supportassistant.screenshots.guidance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

import dev.supportassistant.screenshots.ScreenText;

/**
 * The labels on a customer's screen, both ways round: which of them an answer names, and where
 * ({@link #pointedAt}), and which there are, for a provider to name exactly ({@link #visible}).
 *
 * <p>An answer names a label in quotes or emphasis ({@code "Retry payment"}, {@code **Retry
 * payment**}, {@code `Save`}), or plainly: the whole text of a phrase on screen of two words or more
 * ("you can retry payment now"), or after a verb of using it ("click Retry payment", "go to
 * Settings"). A label is compared by its letters and digits, case aside, and may differ from what
 * OCR read by one edit in five letters (Apache Commons Text's {@link LevenshteinDistance}), so
 * that "Retrv paymemt" is still "Retry payment"; multi-word labels are matched across OCR's word
 * boxes on one line, never across a wide gap ({@link Phrase}). A label that is not on the screen is
 * never claimed: every step is a place OCR found.
 */
public final class ScreenLabels {

    /** The most places one answer points at. */
    public static final int MAX_STEPS = 3;
    /** The most labels offered to a provider for one screen. */
    public static final int MAX_VISIBLE = 40;
    /** The longest label, in tokens, that an answer is matched against. */
    static final int MAX_LABEL_TOKENS = 6;
    /** Only the start of a very long answer is searched: labels are named early, and the work stays bounded. */
    static final int MAX_ANSWER_CHARS = 8_000;
    /** A label offered to providers is short: a button's, a link's, a menu item's, a heading's. */
    static final int MAX_VISIBLE_TOKENS = 5;
    static final int MAX_VISIBLE_CHARS = 40;
    /** Tesseract's confidence (0 to 100) below which a phrase is noise rather than a label. */
    static final float MIN_CONFIDENCE = 40;
    static final float MIN_VISIBLE_CONFIDENCE = 60;
    /** One edit allowed per this many letters (none below it). */
    static final int LETTERS_PER_EDIT = 5;

    /** Words by which an answer tells the customer to use what follows. */
    private static final Set<String> CUES = Set.of("click", "tap", "press", "select", "choose", "pick", "hit",
            "open", "use", "check", "tick", "uncheck", "untick", "toggle", "enable", "disable", "expand", "find",
            "locate", "go", "navigate", "switch", "head", "visit", "type", "enter", "fill", "see", "under");
    /** Words that may stand between such a verb and the label ("click on the button labelled ..."). */
    private static final Set<String> FILLERS = Set.of("on", "the", "a", "an", "to", "into", "in", "at", "over",
            "onto", "your", "this", "that", "button", "link", "tab", "option", "menu", "item", "labelled",
            "labeled", "called", "named", "marked", "says", "reads", "saying", "reading", "blue", "red", "green");
    /** What a quoted label may be followed by inside the quotes ("Retry payment button"). */
    private static final Set<String> CONTROLS = Set.of("button", "link", "tab", "menu", "option", "icon", "field",
            "box", "checkbox", "toggle", "switch");
    private static final int CUE_REACH = 4;
    /** Quotes, emphasis and code marks around a label; group 1 is the label. */
    private static final List<Pattern> QUOTED = List.of(
            Pattern.compile("\"([^\"\\n]{1,80})\""),
            Pattern.compile("\u201C([^\u201D\\n]{1,80})\u201D"),
            Pattern.compile("\u2018([^\u2019\\n]{1,80})\u2019"),
            Pattern.compile("\u00AB\\s?([^\u00BB\\n]{1,80}?)\\s?\u00BB"),
            Pattern.compile("(?<![\\p{L}\\p{N}])'([^'\\n]{1,80})'(?![\\p{L}\\p{N}])"),
            Pattern.compile("\\*\\*([^*\\n]{1,80})\\*\\*"),
            Pattern.compile("__([^_\\n]{1,80})__"),
            Pattern.compile("(?<![*\\p{L}\\p{N}])\\*([^*\\n]{1,80})\\*(?![*\\p{L}\\p{N}])"),
            Pattern.compile("`([^`\\n]{1,80})`"),
            Pattern.compile("\\[([^\\]\\n]{1,80})\\]"));

    private ScreenLabels() {
    }

    /**
     * The on-screen labels the answer names, in the order it names them, each once, at most
     * {@link #MAX_STEPS}; none when the screen shows none of them.
     */
    public static List<GuidanceStep> pointedAt(String answer, ScreenText screen) {
        String text = answer.length() > MAX_ANSWER_CHARS ? answer.substring(0, MAX_ANSWER_CHARS) : answer;
        List<AnswerToken> tokens = AnswerToken.of(text);
        Spans spans = new Spans(Phrase.of(screen));
        if (tokens.isEmpty() || spans.isEmpty()) {
            return List.of();
        }
        boolean[] quoted = new boolean[tokens.size()];
        List<Mention> mentions = new ArrayList<>();
        quotedMentions(text, tokens, spans, quoted, mentions);
        plainMentions(text, tokens, spans, quoted, mentions);
        // Where mentions overlap ("to change payment method", "change payment method"), the closer
        // match wins, then the longer; the winners are taken in the order the answer has them.
        mentions.sort(Comparator.comparingInt(Mention::distance).thenComparing(Comparator
                .comparingInt(Mention::length).reversed()).thenComparingInt(Mention::from));
        boolean[] taken = new boolean[tokens.size()];
        List<Mention> chosen = new ArrayList<>();
        for (Mention mention : mentions) {
            boolean free = true;
            for (int i = mention.from(); i < mention.to(); i++) {
                free &= !taken[i];
            }
            if (free) {
                for (int i = mention.from(); i < mention.to(); i++) {
                    taken[i] = true;
                }
                chosen.add(mention);
            }
        }
        chosen.sort(Comparator.comparingInt(Mention::from));
        List<GuidanceStep> steps = new ArrayList<>();
        Set<ScreenText.Box> pointed = new HashSet<>();
        for (Mention mention : chosen) {
            if (pointed.add(mention.span().box())) {
                steps.add(new GuidanceStep(mention.label(), mention.span().box()));
                if (steps.size() == MAX_STEPS) {
                    break;
                }
            }
        }
        return List.copyOf(steps);
    }

    /**
     * The short texts on the screen, such as buttons, links, menu items, headings and short
     * messages, in reading order, each once: at most {@link #MAX_VISIBLE}, each at most
     * {@link #MAX_VISIBLE_TOKENS} words and {@link #MAX_VISIBLE_CHARS} characters. What a provider is
     * told is on the screen, so that it names a label as the screen spells it.
     */
    public static List<String> visible(ScreenText screen) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Phrase phrase : Phrase.of(screen)) {
            String label = trimmed(phrase.text());
            boolean hasLetter = label.chars().anyMatch(Character::isLetter);
            if (hasLetter && phrase.tokens().size() <= MAX_VISIBLE_TOKENS && label.length() <= MAX_VISIBLE_CHARS
                    && phrase.confidence() >= MIN_VISIBLE_CONFIDENCE) {
                labels.putIfAbsent(String.join("", Phrase.tokens(label)), label);
                if (labels.size() == MAX_VISIBLE) {
                    break;
                }
            }
        }
        return List.copyOf(labels.values());
    }

    private static void quotedMentions(String text, List<AnswerToken> tokens, Spans spans, boolean[] quoted,
            List<Mention> mentions) {
        for (Pattern pattern : QUOTED) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                int from = AnswerToken.firstFrom(tokens, matcher.start(1));
                int to = AnswerToken.endBefore(tokens, matcher.end(1));
                if (from >= to || to - from > MAX_LABEL_TOKENS + 1) {
                    continue;
                }
                for (int i = from; i < to; i++) {
                    quoted[i] = true;
                }
                Match match = spans.best(tokens, from, to, false);
                if (match == null && to - from > 1 && CONTROLS.contains(tokens.get(to - 1).text())) {
                    match = spans.best(tokens, from, to - 1, false);
                }
                if (match != null) {
                    mentions.add(new Mention(from, to, match.span(), match.distance(), trimmed(matcher.group(1))));
                }
            }
        }
    }

    private static void plainMentions(String text, List<AnswerToken> tokens, Spans spans, boolean[] quoted,
            List<Mention> mentions) {
        for (int from = 0; from < tokens.size(); from++) {
            if (quoted[from]) {
                continue;
            }
            boolean cue = cueBefore(tokens, from);
            boolean capital = Character.isUpperCase(text.charAt(tokens.get(from).start()));
            Mention best = null;
            for (int to = from + 1; to <= Math.min(tokens.size(), from + MAX_LABEL_TOKENS) && !quoted[to - 1]; to++) {
                // A whole phrase of two words or more, or one word after a cue; any part of a
                // phrase only after a cue and written as a name (capitalised).
                Match match = to - from >= 2 || cue ? spans.best(tokens, from, to, true) : null;
                if (match == null && cue && capital) {
                    match = spans.best(tokens, from, to, false);
                }
                if (match != null && (best == null || match.distance() <= best.distance())) {
                    best = new Mention(from, to, match.span(), match.distance(),
                            text.substring(tokens.get(from).start(), tokens.get(to - 1).end()));
                }
            }
            if (best != null) {
                mentions.add(best);
            }
        }
    }

    /** Whether a cue verb comes just before this token, with at most fillers between. */
    private static boolean cueBefore(List<AnswerToken> tokens, int index) {
        for (int i = index - 1; i >= Math.max(0, index - CUE_REACH); i--) {
            String word = tokens.get(i).text();
            if (CUES.contains(word)) {
                return true;
            }
            if (!FILLERS.contains(word)) {
                return false;
            }
        }
        return false;
    }

    /** The text without the spaces and stray marks around it ("Error 502:" is "Error 502"). */
    private static String trimmed(String label) {
        int start = 0;
        int end = label.length();
        while (start < end && !keeps(label.charAt(start))) {
            start++;
        }
        while (end > start && !keeps(label.charAt(end - 1)) && label.charAt(end - 1) != ')') {
            end--;
        }
        return label.substring(start, end);
    }

    private static boolean keeps(char c) {
        return Character.isLetterOrDigit(c) || c == '(' || c == '#' || c == '$' || c == '\u20AC' || c == '\u00A3';
    }

    /**
     * How many edits apart two labels' letters are, or -1 when more than one in
     * {@link #LETTERS_PER_EDIT} of the shorter.
     */
    static int distance(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int allowed = Math.min(a.length(), b.length()) / LETTERS_PER_EDIT;
        if (allowed == 0 || Math.abs(a.length() - b.length()) > allowed) {
            return -1;
        }
        return new LevenshteinDistance(allowed).apply(a, b).intValue();
    }

    /** A word of the answer: its lower-case letters and digits, and where it is in the answer. */
    record AnswerToken(String text, int start, int end) {

        static List<AnswerToken> of(String answer) {
            List<AnswerToken> tokens = new ArrayList<>();
            int start = -1;
            for (int i = 0; i <= answer.length(); i++) {
                boolean inToken = i < answer.length() && Character.isLetterOrDigit(answer.charAt(i));
                if (inToken && start < 0) {
                    start = i;
                } else if (!inToken && start >= 0) {
                    tokens.add(new AnswerToken(answer.substring(start, i).toLowerCase(Locale.ROOT), start, i));
                    start = -1;
                }
            }
            return tokens;
        }

        /** The first token that starts at or after {@code offset}. */
        static int firstFrom(List<AnswerToken> tokens, int offset) {
            int i = 0;
            while (i < tokens.size() && tokens.get(i).start() < offset) {
                i++;
            }
            return i;
        }

        /** One past the last token that ends at or before {@code offset}. */
        static int endBefore(List<AnswerToken> tokens, int offset) {
            int i = 0;
            while (i < tokens.size() && tokens.get(i).end() <= offset) {
                i++;
            }
            return i;
        }
    }

    /** Tokens {@code from} to {@code to} of the answer name this span of the screen. */
    private record Mention(int from, int to, Span span, int distance, String label) {

        int length() {
            return to - from;
        }
    }

    /** A span an answer's words name, so many edits apart. */
    private record Match(Span span, int distance) {
    }

    /** Consecutive tokens of one phrase: a label the answer may name. */
    private record Span(Phrase phrase, int from, int to, String letters, ScreenText.Box box, int order) {

        boolean whole() {
            return from == 0 && to == phrase.tokens().size();
        }
    }

    /** Every span of up to {@link #MAX_LABEL_TOKENS} tokens of the screen's phrases, by length. */
    private static final class Spans {

        private final List<List<Span>> bySize = new ArrayList<>();
        private final List<List<Span>> wholeBySize = new ArrayList<>();

        Spans(List<Phrase> phrases) {
            for (int size = 0; size <= MAX_LABEL_TOKENS + 1; size++) {
                bySize.add(new ArrayList<>());
                wholeBySize.add(new ArrayList<>());
            }
            int order = 0;
            for (Phrase phrase : phrases) {
                if (phrase.confidence() < MIN_CONFIDENCE) {
                    continue;
                }
                List<Phrase.Token> tokens = phrase.tokens();
                for (int from = 0; from < tokens.size(); from++) {
                    StringBuilder letters = new StringBuilder();
                    ScreenText.Box box = tokens.get(from).box();
                    for (int to = from + 1; to <= Math.min(tokens.size(), from + MAX_LABEL_TOKENS); to++) {
                        letters.append(tokens.get(to - 1).text());
                        box = box.union(tokens.get(to - 1).box());
                        Span span = new Span(phrase, from, to, letters.toString(), box, order++);
                        bySize.get(to - from).add(span);
                        if (span.whole()) {
                            wholeBySize.get(to - from).add(span);
                        }
                    }
                }
            }
        }

        boolean isEmpty() {
            return bySize.stream().allMatch(List::isEmpty);
        }

        /**
         * The span that the answer's tokens {@code from} to {@code to} name, if any: the fewest edits
         * apart, then a whole phrase, then the more confident, then the first in reading order. OCR
         * may join or split words, so spans of one token more or fewer are compared too.
         */
        @Nullable Match best(List<AnswerToken> tokens, int from, int to, boolean wholeOnly) {
            StringBuilder named = new StringBuilder();
            for (int i = from; i < to; i++) {
                named.append(tokens.get(i).text());
            }
            String letters = named.toString();
            Span best = null;
            int bestDistance = Integer.MAX_VALUE;
            int size = to - from;
            for (int candidateSize = Math.max(1, size - 1); candidateSize <= Math.min(MAX_LABEL_TOKENS, size + 1);
                    candidateSize++) {
                for (Span span : (wholeOnly ? wholeBySize : bySize).get(candidateSize)) {
                    int distance = distance(letters, span.letters());
                    if (distance < 0) {
                        continue;
                    }
                    if (best == null || distance < bestDistance
                            || distance == bestDistance && better(span, best)) {
                        best = span;
                        bestDistance = distance;
                    }
                }
            }
            return best == null ? null : new Match(best, bestDistance);
        }

        private static boolean better(Span span, Span than) {
            if (span.whole() != than.whole()) {
                return span.whole();
            }
            if (span.phrase().confidence() != than.phrase().confidence()) {
                return span.phrase().confidence() > than.phrase().confidence();
            }
            return span.order() < than.order();
        }
    }
}
