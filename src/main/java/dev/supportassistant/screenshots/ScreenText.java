package dev.supportassistant.screenshots;

import java.util.List;

/**
 * What OCR read on a screenshot, and where: its text (lines kept, blank lines dropped), each word
 * with its box and Tesseract's confidence, and the lines the words make, all in the pixel
 * coordinates of the screenshot as the customer shared it (not of the enlarged grey image OCR
 * reads). The boxes are what lets the assistant point at a label and lets personal data be
 * blackened on the image.
 *
 * @param text the words line by line, as {@code ocr_text} has always been
 * @param words every word in reading order (the words of {@code lines}, in the same order)
 * @param lines the lines in reading order
 */
public record ScreenText(String text, List<Word> words, List<Line> lines) {

    /** Nothing read. */
    public static final ScreenText EMPTY = new ScreenText("", List.of(), List.of());

    public ScreenText {
        words = List.copyOf(words);
        lines = List.copyOf(lines);
    }

    /** The screen text of these lines, its text and words made from theirs. */
    public static ScreenText of(List<Line> lines) {
        List<Line> kept = lines.stream().filter(line -> !line.words().isEmpty()).toList();
        return new ScreenText(String.join("\n", kept.stream().map(Line::text).toList()),
                kept.stream().flatMap(line -> line.words().stream()).toList(), kept);
    }

    /**
     * A rectangle on the screenshot, in pixels from its top-left corner.
     *
     * @param x the left edge
     * @param y the top edge
     */
    public record Box(int x, int y, int width, int height) {

        public Box {
            if (width < 0 || height < 0) {
                throw new IllegalArgumentException("a box has no negative size");
            }
        }

        public int right() {
            return x + width;
        }

        public int bottom() {
            return y + height;
        }

        /** The smallest box holding both. */
        public Box union(Box other) {
            int left = Math.min(x, other.x);
            int top = Math.min(y, other.y);
            return new Box(left, top, Math.max(right(), other.right()) - left,
                    Math.max(bottom(), other.bottom()) - top);
        }
    }

    /**
     * One word as OCR read it.
     *
     * @param confidence Tesseract's confidence in the word, 0 to 100
     */
    public record Word(String text, Box box, float confidence) {
    }

    /**
     * A line of words, as Tesseract's layout analysis found it (text on one row may be split into
     * several lines when far apart, and may also not be).
     *
     * @param text the words separated by single spaces
     */
    public record Line(String text, Box box, List<Word> words) {

        public Line {
            words = List.copyOf(words);
        }

        /** The line these words make: their text joined by spaces, their boxes' union. */
        public static Line of(List<Word> words) {
            if (words.isEmpty()) {
                return new Line("", new Box(0, 0, 0, 0), words);
            }
            Box box = words.get(0).box();
            for (Word word : words) {
                box = box.union(word.box());
            }
            return new Line(String.join(" ", words.stream().map(Word::text).toList()), box, words);
        }
    }
}
