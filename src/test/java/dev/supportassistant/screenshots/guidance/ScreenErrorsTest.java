package dev.supportassistant.screenshots.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.screenshots.ScreenText;

/** Error messages on screens written by hand as OCR reports them, and how they are told apart. */
class ScreenErrorsTest {

    private static List<String> errors(String... lines) {
        Screens screens = new Screens();
        int y = 10;
        for (String line : lines) {
            screens.line(10, y, line);
            y += 40;
        }
        return ScreenErrors.in(screens.screen()).stream().map(ScreenError::text).toList();
    }

    @Test
    void codesAndShortFailureMessagesAreErrors() {
        assertThat(errors("Checkout", "Error 502: Payment gateway timeout", "Retry payment  Cancel order"))
                .containsExactly("Error 502: Payment gateway timeout");
        assertThat(errors("Windows could not complete the update (0x80070005)."))
                .containsExactly("Windows could not complete the update (0x80070005).");
        assertThat(errors("This site can't be reached", "ERR_CONNECTION_REFUSED"))
                .containsExactly("This site can't be reached", "ERR_CONNECTION_REFUSED");
        assertThat(errors("503 Service Unavailable")).containsExactly("503 Service Unavailable");
        assertThat(errors("Something went wrong", "Your session has expired", "Card declined")).hasSize(3);
    }

    @Test
    void pagesWithoutErrorsHaveNone() {
        assertThat(errors("Account settings", "Email notifications  On", "Two-factor authentication  Off",
                "Save changes  Discard", "Order total: 84.20 EUR")).isEmpty();
    }

    @Test
    void proseControlsAndLoneWordsAreNotErrors() {
        assertThat(errors("If a payment failed, you can retry it from your order history page at any time, "
                + "and we will not charge you twice.")).isEmpty();
        assertThat(errors("Report an error", "Learn more about errors", "Failed")).isEmpty();
    }

    @Test
    void theSameErrorHasTheSameKeyWhateverTheNumbersAroundTheCode() {
        assertThat(ScreenErrors.key("Error 502: Payment gateway timeout")).isEqualTo("error 502 payment gateway timeout");
        assertThat(ScreenErrors.key("Retrying in 5 seconds")).isEqualTo(ScreenErrors.key("Retrying in 4 seconds"));
        // OCR read the order number's A as a 4 this time.
        assertThat(ScreenErrors.key("Order #A1234 could not be saved")).isEqualTo("order # could not be saved")
                .isEqualTo(ScreenErrors.key("Order #41234 could not be saved"));
        assertThat(ScreenErrors.key("Ox80070005 Access denied")).isEqualTo(ScreenErrors.key("0x80070005 Access denied"));
        assertThat(ScreenErrors.key("Error 502: Payment gateway timeout"))
                .isNotEqualTo(ScreenErrors.key("Error 503: Payment gateway timeout"));
    }

    @Test
    void aLetterReadDifferentlyIsStillTheSameErrorButAnotherCodeIsNot() {
        String key = ScreenErrors.key("Error 502: Payment gateway timeout");

        assertThat(ScreenErrors.sameError(key, ScreenErrors.key("Error 502: Payrnent gateway timeout"))).isTrue();
        assertThat(ScreenErrors.sameError(key, ScreenErrors.key("Error 503: Payment gateway timeout"))).isFalse();
        assertThat(ScreenErrors.sameError(key, ScreenErrors.key("Error 502: Shipping service timeout"))).isFalse();
    }

    @Test
    void onlyErrorsNotKnownYetAreNew() {
        ScreenText screen = new Screens().line(10, 10, "Error 502: Payment gateway timeout")
                .line(10, 50, "Your session has expired").screen();
        String known = ScreenErrors.key("Error 502: Payment gateway tirneout");

        assertThat(ScreenErrors.newIn(screen, List.of(known))).extracting(ScreenError::text)
                .containsExactly("Your session has expired");
        assertThat(ScreenErrors.newIn(screen, List.of(known, ScreenErrors.key("Your session has expired")))).isEmpty();
    }

    @Test
    void anErrorShownTwiceIsReportedOnceWithItsBox() {
        ScreenText screen = new Screens().line(10, 10, "Upload failed").line(10, 300, "Upload failed").screen();

        assertThat(ScreenErrors.in(screen)).containsExactly(
                new ScreenError("Upload failed", "upload failed", new ScreenText.Box(10, 10, 128, 16)));
    }
}
