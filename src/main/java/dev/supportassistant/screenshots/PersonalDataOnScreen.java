package dev.supportassistant.screenshots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.supportassistant.privacy.PersonalData;
import dev.supportassistant.privacy.PersonalDataMatch;

/**
 * The copy of a screenshot that AI providers are shown: every OCR word that is, or is part of, a
 * card number, an IBAN, an e-mail address, a phone number, a social security number, an IP address
 * or a labelled secret, every word of password dots, and the value beside a label such as
 * "Password" or "PIN", filled black. Personal data is looked for in whole OCR
 * lines, not word by word, since a card number is often four words; a match's words are filled
 * with a few pixels to spare, so that no stroke of a character shows at their edges.
 *
 * <p>Made once, when the screenshot is shared (its word boxes are at hand then), and stored beside
 * the original, which staff keep seeing. What OCR did not read cannot be found: text too small,
 * blurred or in an unusual font may stay visible, which docs/security.md says.
 */
@Component
class PersonalDataOnScreen {

    /** Pixels filled around a word's box: OCR's boxes hug the ink, and anti-aliasing reaches past them. */
    private static final int MARGIN = 3;
    /** A password field's dots or stars, as OCR reads them. */
    private static final Pattern DOTS = Pattern.compile("[•●∙·⬤*]{4,}");
    private static final Pattern DIGITS = Pattern.compile("[0-9][0-9-]*");
    /** A form field's label that says its value is secret. */
    private static final Pattern SECRET_LABEL = Pattern.compile(
            "(?i)(?:current |new |confirm |your )?(?:password|passwort|passcode|pin|pin code|cvv|cvc|security code|secret"
                    + "|api key|access token)\\s*:?");

    private final PersonalData personalData;

    PersonalDataOnScreen(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** The boxes to fill: those of the words personal data stands in, of password dots and of labelled secrets' values. */
    List<ScreenText.Box> boxes(ScreenText screen) {
        Set<ScreenText.Word> hidden = new LinkedHashSet<>();
        for (ScreenText.Line line : screen.lines()) {
            for (boolean compact : new boolean[] {false, true}) {
                hidden.addAll(personal(line.words(), compact));
            }
            line.words().stream().filter(word -> DOTS.matcher(word.text()).matches()).forEach(hidden::add);
            if (SECRET_LABEL.matcher(line.text()).matches()) {
                valueBeside(line, screen.lines()).ifPresent(value -> hidden.addAll(value.words()));
            }
        }
        return hidden.stream().map(ScreenText.Word::box).toList();
    }

    /**
     * The words of a line that personal data stands in. OCR often reads the gaps in a number
     * differently from how they were typed ({@code 4111 1111 1111 1111} as {@code 41111111 11111111}),
     * so a line is also read {@code compact}, with runs of words of digits joined without a space.
     */
    private List<ScreenText.Word> personal(List<ScreenText.Word> words, boolean compact) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (i > 0 && !(compact && DIGITS.matcher(words.get(i - 1).text()).matches()
                    && DIGITS.matcher(words.get(i).text()).matches())) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(words.get(i).text());
        }
        List<PersonalDataMatch> found = personalData.find(text.toString());
        List<ScreenText.Word> personal = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int start = starts[i];
            int end = start + words.get(i).text().length();
            if (found.stream().anyMatch(match -> match.start() < end && start < match.end())) {
                personal.add(words.get(i));
            }
        }
        return personal;
    }

    /**
     * The value of a form field labelled as a secret ("Password", "PIN"), which OCR reads as a line of
     * its own: the nearest line to the label's right on the same row. Its dots are often too small
     * for OCR to read as dots.
     */
    private static Optional<ScreenText.Line> valueBeside(ScreenText.Line label, List<ScreenText.Line> lines) {
        ScreenText.Box of = label.box();
        return lines.stream().filter(line -> line != label)
                .filter(line -> line.box().x() >= of.right() && line.box().y() < of.bottom() && of.y() < line.box().bottom())
                .min(Comparator.comparingInt(line -> line.box().x()));
    }

    /**
     * The image with those boxes filled black, as PNG; absent when there is nothing to fill, and the
     * original may be shown as it is.
     */
    byte @Nullable [] masked(byte[] image, ScreenText screen) {
        List<ScreenText.Box> boxes = boxes(screen);
        if (boxes.isEmpty()) {
            return null;
        }
        try {
            BufferedImage decoded = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(image)));
            BufferedImage copy = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = copy.createGraphics();
            try {
                g.drawImage(decoded, 0, 0, null);
                g.setColor(Color.BLACK);
                for (ScreenText.Box box : boxes) {
                    g.fillRect(box.x() - MARGIN, box.y() - MARGIN, box.width() + 2 * MARGIN, box.height() + 2 * MARGIN);
                }
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(copy, "png", png);
            return png.toByteArray();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
