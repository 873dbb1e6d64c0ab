package dev.supportassistant.screenshots.guidance;

import java.util.ArrayList;
import java.util.List;

import dev.supportassistant.screenshots.ScreenText;

/**
 * Screen texts written by hand, as OCR would report them: lines of words laid out left to right
 * at a given height, for tests of what is made of OCR's words without running OCR.
 */
final class Screens {

    private final List<ScreenText.Line> lines = new ArrayList<>();

    /**
     * A line at {@code (x, y)} whose words are 10 pixels a letter wide, 16 high, a space of 8
     * between them; {@code "  "} (two spaces) in the text stands for a wide gap of 200 pixels.
     */
    Screens line(int x, int y, String text) {
        List<ScreenText.Word> words = new ArrayList<>();
        int at = x;
        for (String part : text.split("  ")) {
            for (String word : part.trim().split(" ")) {
                words.add(new ScreenText.Word(word, new ScreenText.Box(at, y, 10 * word.length(), 16), 95));
                at += 10 * word.length() + 8;
            }
            at += 200;
        }
        lines.add(ScreenText.Line.of(words));
        return this;
    }

    /** A line of one word each, read with this confidence. */
    Screens word(int x, int y, String word, float confidence) {
        lines.add(ScreenText.Line.of(List.of(new ScreenText.Word(word,
                new ScreenText.Box(x, y, 10 * word.length(), 16), confidence))));
        return this;
    }

    ScreenText screen() {
        return ScreenText.of(lines);
    }

    /** The checkout page's words: an error, two buttons in one OCR line far apart, a link. */
    static ScreenText checkout() {
        return new Screens()
                .line(40, 20, "Example Store  Home Orders")
                .line(200, 130, "Checkout")
                .line(200, 190, "Payment method: Visa ending 4242")
                .line(210, 356, "Error 502: Payment gateway timeout")
                .line(225, 466, "Retry payment  Cancel order")
                .line(200, 530, "Change payment method")
                .line(200, 590, "Need help? Our support team answers within a day.")
                .screen();
    }
}
