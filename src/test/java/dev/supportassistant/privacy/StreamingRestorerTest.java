package dev.supportassistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A streamed answer restored piece by piece: the same text as restoring the whole answer, however
 * the provider cuts it, with only a possible placeholder's start held back between pieces.
 */
class StreamingRestorerTest {

    private static final String ANSWER = "Thanks! We wrote to [EMAIL_1] ([EMAIL_1]) and will call [PHONE_1]. Your card [CARD_1] "
            + "is fine, [SECRET_1] stays secret; [EMAIL_9] and [PHONE_12] were never given, nor [NAME_1]. Arrays like a[0] "
            + "and [ brackets ], [[IP_1]], [EMAIL_ and [IBAN_1]";

    private final Masking masking = maskingWithEveryKind();

    @Test
    void aPlaceholderCutBetweenPiecesIsRestoredWhole() {
        StreamingRestorer restorer = masking.restoring();

        assertThat(restorer.next("Mail: [EMA")).isEqualTo("Mail: ");
        assertThat(restorer.next("IL_1] is")).isEqualTo("jane@example.com is");
        assertThat(restorer.next(" on file [CARD_")).isEqualTo(" on file ");
        assertThat(restorer.next("1")).isEmpty();
        assertThat(restorer.next("]")).isEqualTo("•••• 1111");
        assertThat(restorer.next(" and [")).isEqualTo(" and ");
        assertThat(restorer.finish()).isEqualTo("[");
    }

    @Test
    void textThatCannotBecomeAPlaceholderIsPassedOnAtOnce() {
        StreamingRestorer restorer = masking.restoring();

        assertThat(restorer.next("a[0] and [x")).isEqualTo("a[0] and [x");
        assertThat(restorer.next("[EMAILS")).isEqualTo("[EMAILS");
        assertThat(restorer.next("[EMAIL_0")).isEqualTo("[EMAIL_0");
        assertThat(restorer.finish()).isEmpty();
    }

    @Test
    void anyCutOfAnAnswerGivesTheWholeAnswerRestored() {
        Random random = new Random(31);
        String whole = masking.restore(ANSWER);
        for (int trial = 0; trial < 2000; trial++) {
            StreamingRestorer restorer = masking.restoring();
            StringBuilder shown = new StringBuilder();
            for (String piece : cut(ANSWER, random)) {
                shown.append(restorer.next(piece));
            }
            shown.append(restorer.finish());

            assertThat(shown.toString()).as("trial %d", trial).isEqualTo(whole);
        }
    }

    @Test
    void atMostAPlaceholdersStartIsHeldBack() {
        Masking nothingIssued = new PersonalData(new PrivacySettings(true, false, "US")).newMasking();
        Random random = new Random(29);
        for (int trial = 0; trial < 500; trial++) {
            StreamingRestorer restorer = nothingIssued.restoring();
            int received = 0;
            int shown = 0;
            for (String piece : cut(ANSWER, random)) {
                received += piece.length();
                shown += restorer.next(piece).length();
                assertThat(received - shown).isLessThan(Placeholders.LONGEST);
            }
            assertThat(shown + restorer.finish().length()).isEqualTo(ANSWER.length());
        }
    }

    /** The text in random pieces of 0 to 12 characters, as a provider's stream may cut it. */
    private static List<String> cut(String text, Random random) {
        List<String> pieces = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + random.nextInt(13));
            pieces.add(text.substring(at, end));
            at = end;
        }
        return pieces;
    }

    private static Masking maskingWithEveryKind() {
        Masking masking = new PersonalData(new PrivacySettings(true, false, "US")).newMasking();
        masking.mask("jane@example.com, (415) 555-2671, 4111 1111 1111 1111, password: hunter2, 10.0.0.5, "
                + "DE89 3704 0044 0532 0130 00");
        return masking;
    }
}
