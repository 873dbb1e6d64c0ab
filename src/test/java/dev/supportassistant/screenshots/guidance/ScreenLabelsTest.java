package dev.supportassistant.screenshots.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.screenshots.ScreenText;

/** Which on-screen labels an answer names, on screens written by hand as OCR reports them. */
class ScreenLabelsTest {

    private static final ScreenText CHECKOUT = Screens.checkout();

    private static List<String> labels(String answer, ScreenText screen) {
        return ScreenLabels.pointedAt(answer, screen).stream().map(GuidanceStep::label).toList();
    }

    @Test
    void aQuotedLabelIsFoundWithTheBoxOfItsWords() {
        List<GuidanceStep> steps = ScreenLabels.pointedAt("Click \"Retry payment\" to try again.", CHECKOUT);

        assertThat(steps).hasSize(1);
        // "Retry" at 225, 50 wide; "payment" after a space of 8, 70 wide.
        assertThat(steps.get(0)).isEqualTo(new GuidanceStep("Retry payment", new ScreenText.Box(225, 466, 128, 16)));
    }

    @Test
    void labelsComeInTheOrderTheAnswerUsesThemEachOnceAtMostThree() {
        String answer = "First open **Orders**, then press `Cancel order`. If that fails, click Change payment "
                + "method, and click Retry payment. Again: click Orders.";

        assertThat(labels(answer, CHECKOUT)).containsExactly("Orders", "Cancel order", "Change payment method");
    }

    @Test
    void aLabelIsNamedPlainlyAfterAVerbOrAsAWholePhrase() {
        assertThat(labels("You can click on the Retry payment button below the message.", CHECKOUT))
                .containsExactly("Retry payment");
        assertThat(labels("Did you try to change payment method first?", CHECKOUT))
                .containsExactly("change payment method");
        assertThat(labels("Go to Home and start again.", CHECKOUT)).containsExactly("Home");
    }

    @Test
    void commonWordsInProseAreNotTakenForLabels() {
        // "Home", "Orders", "Checkout" are on screen, but this answer points at none of them.
        assertThat(ScreenLabels.pointedAt("Your orders are safe at home; checkout again later, payment is fine.",
                CHECKOUT)).isEmpty();
    }

    @Test
    void aLabelOcrMisreadByALetterOrTwoStillMatches() {
        ScreenText misread = new Screens().line(225, 466, "Retrv paymemt  Cancel order").screen();

        assertThat(ScreenLabels.pointedAt("Click \"Retry payment\".", misread))
                .containsExactly(new GuidanceStep("Retry payment", new ScreenText.Box(225, 466, 128, 16)));
        assertThat(labels("Click **Cancel ordr**.", misread)).containsExactly("Cancel ordr");
    }

    @Test
    void wordsOcrJoinedOrSplitStillMatch() {
        ScreenText joined = new Screens().line(225, 466, "Retrypayment").line(225, 520, "Can cel").screen();

        assertThat(labels("Click 'Retry payment' or 'Cancel'.", joined)).containsExactly("Retry payment", "Cancel");
    }

    @Test
    void aShortLabelMustBeExact() {
        ScreenText screen = new Screens().line(100, 100, "Save").screen();

        assertThat(ScreenLabels.pointedAt("Click \"Same\".", screen)).isEmpty();
        assertThat(labels("Click \"Save\".", screen)).containsExactly("Save");
    }

    @Test
    void nothingIsClaimedForALabelThatIsNotOnTheScreen() {
        assertThat(ScreenLabels.pointedAt("Click \"Update card\", then press Save changes.", CHECKOUT)).isEmpty();
    }

    @Test
    void aLabelIsNeverMatchedAcrossAWideGap() {
        // "payment Cancel" is one OCR line's words, but two buttons'.
        assertThat(ScreenLabels.pointedAt("Click \"payment Cancel\".", CHECKOUT)).isEmpty();
    }

    @Test
    void aControlNounInsideTheQuotesIsLeftOut() {
        assertThat(labels("Press the \"Cancel order button\".", CHECKOUT)).containsExactly("Cancel order button");
    }

    @Test
    void wordsReadWithLittleConfidenceAreNotPointedAt() {
        ScreenText noisy = new Screens().word(100, 100, "Retry", 20).screen();

        assertThat(ScreenLabels.pointedAt("Click \"Retry\".", noisy)).isEmpty();
    }

    @Test
    void theVisibleLabelsAreTheShortPhrasesInReadingOrder() {
        assertThat(ScreenLabels.visible(CHECKOUT)).containsExactly("Example Store", "Home Orders", "Checkout",
                "Payment method: Visa ending 4242", "Error 502: Payment gateway timeout", "Retry payment",
                "Cancel order", "Change payment method");
    }

    @Test
    void aVisibleLabelKeepsTheMarksBetweenItsWordsButNotAroundThem() {
        ScreenText tab = new Screens().line(10, 10, "| Checkout - Example Store |").screen();

        assertThat(ScreenLabels.visible(tab)).containsExactly("Checkout - Example Store");
    }

    @Test
    void theVisibleLabelsAreBounded() {
        Screens many = new Screens();
        for (int i = 0; i < 100; i++) {
            many.line(10, 20 * i, "Item " + i);
        }

        assertThat(ScreenLabels.visible(many.screen())).hasSize(ScreenLabels.MAX_VISIBLE).startsWith("Item 0");
    }

    @Test
    void aVeryLongAnswerIsSearchedOnlyAtItsStart() {
        String answer = "x ".repeat(ScreenLabels.MAX_ANSWER_CHARS) + "Click \"Retry payment\".";

        assertThat(ScreenLabels.pointedAt(answer, CHECKOUT)).isEmpty();
    }
}
