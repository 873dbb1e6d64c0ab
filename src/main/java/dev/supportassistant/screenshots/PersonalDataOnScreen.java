package dev.supportassistant.screenshots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
 * or a labelled secret, and every word of password dots, filled black. Personal data is looked for in whole OCR
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

    private final PersonalData personalData;

    PersonalDataOnScreen(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** The boxes to fill: those of the words personal data stands in, and of password dots. */
    List<ScreenText.Box> boxes(ScreenText screen) {
        List<ScreenText.Box> boxes = new ArrayList<>();
        for (ScreenText.Line line : screen.lines()) {
            List<PersonalDataMatch> found = personalData.find(line.text());
            int start = 0;
            for (ScreenText.Word word : line.words()) {
                int end = start + word.text().length();
                int from = start;
                boolean personal = DOTS.matcher(word.text()).matches()
                        || found.stream().anyMatch(match -> match.start() < end && from < match.end());
                if (personal) {
                    boxes.add(word.box());
                }
                // Line.text is the words joined by single spaces.
                start = end + 1;
            }
        }
        return boxes;
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
