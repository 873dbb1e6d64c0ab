package dev.supportassistant.screenshots.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.supportassistant.screenshots.ScreenText;

/**
 * Words that belong together on screen: a run of one line's words with no wide gap between them.
 * OCR may read a row of buttons ("Retry payment", far right "Cancel order") or a menu bar as one
 * line; a gap wider than one and a half times the words' height parts two labels, as no label has
 * one. Each word is also split into the tokens labels are compared by ({@link #tokens(String)}).
 *
 * @param text the words separated by single spaces, as OCR read them
 * @param tokens the words' tokens, each with its word's box
 */
record Phrase(String text, ScreenText.Box box, List<Token> tokens, float confidence) {

    /** A gap between words wider than this many times their height parts two phrases. */
    private static final double WIDE_GAP = 1.5;

    /** A lower-case run of letters and digits, and the box of the word it is part of. */
    record Token(String text, ScreenText.Box box) {
    }

    /**
     * The phrases of every line, in reading order. Words with no letter or digit ("-", "|") are in
     * a phrase's text when between its words, but neither in its box nor its tokens.
     */
    static List<Phrase> of(ScreenText screen) {
        List<Phrase> phrases = new ArrayList<>();
        for (ScreenText.Line line : screen.lines()) {
            int height = medianHeight(line.words().stream().filter(Phrase::hasTokens).toList());
            List<ScreenText.Word> run = new ArrayList<>();
            for (ScreenText.Word word : line.words()) {
                if (!run.isEmpty() && word.box().x() - run.get(run.size() - 1).box().right() > WIDE_GAP * height) {
                    of(run).ifPresent(phrases::add);
                    run = new ArrayList<>();
                }
                run.add(word);
            }
            of(run).ifPresent(phrases::add);
        }
        return phrases;
    }

    /** The phrase of these words, from the first to the last with letters or digits; none if none has. */
    private static Optional<Phrase> of(List<ScreenText.Word> run) {
        List<ScreenText.Word> words = run.stream().filter(Phrase::hasTokens).toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<ScreenText.Word> text = run.subList(run.indexOf(words.get(0)), run.indexOf(words.get(words.size() - 1)) + 1);
        List<Token> tokens = new ArrayList<>();
        float confidence = 0;
        for (ScreenText.Word word : words) {
            for (String token : tokens(word.text())) {
                tokens.add(new Token(token, word.box()));
            }
            confidence += word.confidence();
        }
        return Optional.of(new Phrase(ScreenText.Line.of(text).text(), ScreenText.Line.of(words).box(),
                List.copyOf(tokens), confidence / words.size()));
    }

    private static boolean hasTokens(ScreenText.Word word) {
        return !tokens(word.text()).isEmpty();
    }

    private static int medianHeight(List<ScreenText.Word> words) {
        if (words.isEmpty()) {
            return 0;
        }
        int[] heights = words.stream().mapToInt(word -> word.box().height()).sorted().toArray();
        return heights[heights.length / 2];
    }

    /**
     * The text's runs of letters and digits, lower case: how on-screen labels and an answer's words
     * are compared, so that case, punctuation and hyphens ("Two-factor", "502:") do not count.
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inToken = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inToken && start < 0) {
                start = i;
            } else if (!inToken && start >= 0) {
                tokens.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return tokens;
    }
}
