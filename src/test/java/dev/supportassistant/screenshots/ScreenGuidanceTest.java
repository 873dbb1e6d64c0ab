package dev.supportassistant.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.supportassistant.screenshots.guidance.AnnotatedScreenshot;
import dev.supportassistant.screenshots.guidance.GuidanceStep;
import dev.supportassistant.screenshots.guidance.ScreenError;
import dev.supportassistant.screenshots.guidance.ScreenErrors;
import dev.supportassistant.screenshots.guidance.ScreenLabels;

/**
 * Screen guidance end to end on screens drawn in the test, read by the bundled OCR: where an
 * answer points, the screenshot marked, and the errors the screen shows. (The JVM's one OCR engine,
 * shared with the other screenshot tests.)
 */
class ScreenGuidanceTest {

    /** How far OCR's box may be from the ink's, in pixels. */
    private static final int NEAR = 3;

    private static final TextRecognizer OCR = new TextRecognizer(2, Duration.ofSeconds(60));

    private static ScreenText read(ScreenDrawings.Drawn screen) {
        return OCR.read(screen.png()).screen();
    }

    private static void assertNear(ScreenText.Box box, Rectangle drawn) {
        assertThat(box.x()).as("left of %s", box).isCloseTo(drawn.x, within(NEAR));
        assertThat(box.y()).as("top of %s", box).isCloseTo(drawn.y, within(NEAR));
        assertThat(box.right()).as("right of %s", box).isCloseTo(drawn.x + drawn.width, within(NEAR));
        assertThat(box.bottom()).as("bottom of %s", box).isCloseTo(drawn.y + drawn.height, within(NEAR));
    }

    @Test
    void aLabelTheAnswerNamesIsFoundWhereItWasDrawn() {
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();

        List<GuidanceStep> steps = ScreenLabels.pointedAt(
                "I can see the payment gateway timed out. Click **Retry payment** to try again.", read(checkout));

        assertThat(steps).extracting(GuidanceStep::label).containsExactly("Retry payment");
        assertNear(steps.get(0).box(), checkout.box("Retry payment"));
    }

    @Test
    void aTwoWordLabelSpansOcrsTwoWordBoxes() {
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();
        ScreenText screen = read(checkout);

        List<GuidanceStep> steps = ScreenLabels.pointedAt("You can click Retry payment below the message.", screen);

        ScreenText.Line buttons = screen.lines().stream().filter(line -> line.text().contains("Retry")).findFirst()
                .orElseThrow();
        ScreenText.Word retry = buttons.words().stream().filter(word -> word.text().equals("Retry")).findFirst()
                .orElseThrow();
        ScreenText.Word payment = buttons.words().get(buttons.words().indexOf(retry) + 1);
        assertThat(payment.text()).isEqualTo("payment");
        assertThat(steps).containsExactly(new GuidanceStep("Retry payment", retry.box().union(payment.box())));
    }

    @Test
    void aLabelOcrReadsWithASlipStillMatches() {
        // Drawn misspelt, as OCR misreads a label now and then.
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout(1, true, "Retrv paymemt");

        List<GuidanceStep> steps = ScreenLabels.pointedAt("Press \"Retry payment\".", read(checkout));

        assertThat(steps).extracting(GuidanceStep::label).containsExactly("Retry payment");
        assertNear(steps.get(0).box(), checkout.box("Retrv paymemt"));
    }

    @Test
    void nothingIsClaimedForALabelThatIsNotOnTheScreen() {
        ScreenText checkout = read(ScreenDrawings.checkout());

        assertThat(ScreenLabels.pointedAt("Open \"Billing details\" and click Update card.", checkout)).isEmpty();
        // On the settings page, there is no payment to retry.
        assertThat(ScreenLabels.pointedAt("Click **Retry payment**.", read(ScreenDrawings.settings()))).isEmpty();
    }

    @Test
    void theLabelsOnScreenAreOfferedToProviders() {
        List<String> labels = ScreenLabels.visible(read(ScreenDrawings.checkout()));

        assertThat(labels).contains("Home", "Orders", "Checkout", "Error 502: Payment gateway timeout", "Retry payment",
                "Cancel order", "Change payment method");
        assertThat(labels).noneMatch(label -> label.startsWith("Need help"));
    }

    @Test
    void theAnnotatedScreenshotHasTheOutlineAroundTheBox() throws IOException {
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();
        List<GuidanceStep> steps = ScreenLabels.pointedAt("Click \"Retry payment\", or \"Cancel order\".",
                read(checkout));
        assertThat(steps).hasSize(2);

        BufferedImage marked = ImageIO.read(new ByteArrayInputStream(AnnotatedScreenshot.png(checkout.png(), steps)));

        assertThat(marked.getWidth()).isEqualTo(1280);
        for (GuidanceStep step : steps) {
            ScreenText.Box box = step.box();
            int pad = 7; // a 3-pixel outline, 7 pixels outside the label on a 1280 x 720 screen
            int middle = box.y() + box.height() / 2;
            int centre = box.x() + box.width() / 2;
            assertThat(marked.getRGB(box.x() - pad, middle)).isEqualTo(AnnotatedScreenshot.MARK.getRGB());
            assertThat(marked.getRGB(box.right() + pad, middle)).isEqualTo(AnnotatedScreenshot.MARK.getRGB());
            assertThat(marked.getRGB(centre, box.y() - pad)).isEqualTo(AnnotatedScreenshot.MARK.getRGB());
            assertThat(marked.getRGB(centre, box.bottom() + pad)).isEqualTo(AnnotatedScreenshot.MARK.getRGB());
            // The label itself is left as it was.
            for (int x = box.x(); x < box.right(); x++) {
                assertThat(marked.getRGB(x, middle)).isEqualTo(checkout.image().getRGB(x, middle));
            }
        }
    }

    @Test
    void aNewErrorIsDetectedAndKnownAgainOnTheNextCapture() {
        List<ScreenError> first = ScreenErrors.in(read(ScreenDrawings.checkout()));

        assertThat(first).extracting(ScreenError::text).startsWith("Error 502: Payment gateway timeout");
        assertNear(first.get(0).box(), ScreenDrawings.checkout().box("Error 502: Payment gateway timeout"));
        // The next capture: the same page on a larger screen, read afresh (OCR read "#A1234" as
        // "#41234" on the smaller one).
        ScreenText next = read(ScreenDrawings.checkout(1.5, true, "Retry payment"));
        assertThat(ScreenErrors.in(next)).extracting(ScreenError::key)
                .containsExactlyElementsOf(first.stream().map(ScreenError::key).toList());
        assertThat(ScreenErrors.newIn(next, first.stream().map(ScreenError::key).toList())).isEmpty();
    }

    @Test
    void aPageWithoutAnErrorShowsNone() {
        assertThat(ScreenErrors.in(read(ScreenDrawings.settings()))).isEmpty();
        assertThat(ScreenErrors.in(read(ScreenDrawings.checkout(1, false, "Retry payment")))).isEmpty();
    }
}
