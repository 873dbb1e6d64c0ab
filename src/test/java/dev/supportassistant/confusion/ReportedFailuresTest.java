package dev.supportassistant.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the customer reports the product did, read from the words alone. */
class ReportedFailuresTest {

    private final ReportedFailures reported = new ReportedFailures();

    private List<String> signals(String message) {
        List<String> signals = new ArrayList<>();
        reported.score(message, LexicalSignals.normalized(message), signals);
        return signals;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            it says 'Session not found' when I enter the code                        | quoted error: Session not found
            keeps showing SSL_ERROR_RX_RECORD_TOO_LONG on the login page             | quoted error: SSL_ERROR_RX_RECORD_TOO_LONG
            the code is always rejected                                              | refused: is always rejected
            it won't accept the code from my authenticator                           | refused: won't accept
            why does it say permission denied when I'm the admin?                    | contradiction:
            I get 403 on my own documents                                            | contradiction: 403 on my own
            the integration still says not connected, over and over                  | repeated failure:
            I've reinstalled twice and cleared the cache                             | effort: i've reinstalled
            there's no Integrations tab anywhere                                     | interface differs: there's no
            it pops up 'Upload failed' and then nothing                              | dead end: and then nothing
            what does "Sync failed" mean?? the page never loads                      | puzzled: ??
            it says expired, I requested it 1 minute ago                             | contradiction: refused though new
            the coupon says 'not valid for this plan' but the email said all plans  | contradiction: but the email said
            """)
    void eachKindOfReportedFailureIsNamed(String message, String signal) {
        assertThat(signals(message)).anySatisfy(named -> assertThat(named).startsWith(signal));
    }

    @Test
    void aRefusalQuotedFromTheScreenIsOneReportNotTwo() {
        List<String> signals = signals("Password reset link says it is invalid");

        assertThat(signals).containsExactly("quoted error: says it is invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Webhooks stopped arriving after we changed the URL.",
            "Since I updated the app, it no longer opens PDFs.", "when i try to pay with paypal it fails"})
    void whatHappenedBeforeTheTroubleIsNeitherEffortNorAContradiction(String message) {
        assertThat(signals(message)).noneMatch(signal -> signal.startsWith("effort") || signal.startsWith("contradiction"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"How do I reset my password?", "What does error 404 mean?", "Can I print my backup codes?",
            "How long is the two-factor code valid?", "Where do I enter a discount code?",
            "How do I give a colleague edit access to a folder?"})
    void calmQuestionsReportNoFailure(String message) {
        assertThat(signals(message)).isEmpty();
    }
}
