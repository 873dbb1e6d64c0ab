package dev.supportassistant.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.supportassistant.privacy.PersonalData;
import dev.supportassistant.privacy.PrivacySettings;

/**
 * The copy of a screenshot providers are shown: the words of personal data OCR read on it are
 * filled black, so that OCR of the copy reads none of it, and the rest of the screen stays readable.
 */
class PersonalDataOnScreenTest {

    private final TextRecognizer ocr = new TextRecognizer(1, Duration.ofSeconds(30));
    private final PersonalDataOnScreen onScreen = new PersonalDataOnScreen(
            new PersonalData(new PrivacySettings(true, false, "US")));

    @Test
    void cardEmailPhoneAndPasswordDotsAreBlackedOutAndTheRestStaysReadable() {
        byte[] form = ScreenDrawings.paymentForm().png();
        ScreenText read = ocr.read(form).screen();

        byte[] masked = onScreen.masked(form, read);

        assertThat(masked).isNotNull();
        String after = ocr.read(masked).text();
        assertThat(after).contains("Card number", "Order total", "Pay now")
                .doesNotContain("4111", "1111 1111", "jane.doe", "example.com", "555", "2671");
    }

    @Test
    void aScreenWithoutPersonalDataNeedsNoCopy() {
        byte[] settings = ScreenDrawings.settings().png();

        assertThat(onScreen.masked(settings, ocr.read(settings).screen())).isNull();
    }
}
