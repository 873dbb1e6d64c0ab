package dev.supportassistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A turn's masking: typed placeholders, one per value however it is written, numbered so that the
 * same history masked again gives the same placeholders, and restored in the answer as each kind
 * allows.
 */
class MaskingTest {

    private final PersonalData personalData = new PersonalData(new PrivacySettings(true, false, "US"));

    @Test
    void aConversationWithEveryKindReachesTheProviderWithNoneOfTheValues() {
        Masking masking = personalData.newMasking();
        String message = "My card 4111 1111 1111 1111 was charged twice. Write to jane.doe@example.com or call "
                + "(415) 555-2671, refund to DE89 3704 0044 0532 0130 00. My SSN is 123-45-6789, my server 203.0.113.45, "
                + "and my password is hunter2.";

        String masked = masking.mask(message);

        assertThat(masked).isEqualTo("My card [CARD_1] was charged twice. Write to [EMAIL_1] or call [PHONE_1], refund to "
                + "[IBAN_1]. My SSN is [SSN_1], my server [IP_1], and my password is [SECRET_1].");
        assertThat(masked).doesNotContain("4111", "jane", "555", "DE89", "6789", "203.0", "hunter2");
    }

    @Test
    void oneValueWrittenTwoWaysGetsOnePlaceholderAndDifferentValuesGetTheirOwn() {
        Masking masking = personalData.newMasking();

        List<String> masked = masking.mask(List.of(
                "card 4111 1111 1111 1111, mail Jane.Doe@Example.com",
                "the same card 4111-1111-1111-1111 and jane.doe@example.com, another card 5555555555554444",
                "other mail sam@example.org, phone +1 415-555-2671 or (415) 555-2671",
                "IPv6 2001:db8::1 is 2001:0db8:0:0::1"));

        assertThat(masked).containsExactly(
                "card [CARD_1], mail [EMAIL_1]",
                "the same card [CARD_1] and [EMAIL_1], another card [CARD_2]",
                "other mail [EMAIL_2], phone [PHONE_1] or [PHONE_1]",
                "IPv6 [IP_1] is [IP_1]");
    }

    @Test
    void theSameHistoryMaskedAgainOnTheNextTurnGetsTheSamePlaceholders() {
        List<String> history = List.of("I'm jane@example.com", "Thanks, what's your phone?", "(415) 555-2671, card 4111111111111111");
        List<String> firstTurn = personalData.newMasking().mask(
                concat(history, "it failed again", "Passage: write to help@example.com"));

        List<String> nextTurn = personalData.newMasking().mask(
                concat(history, "it failed again", "and now sam@example.org too", "Passage: write to help@example.com"));

        assertThat(nextTurn.subList(0, 4)).isEqualTo(firstTurn.subList(0, 4));
        assertThat(nextTurn.get(2)).isEqualTo("[PHONE_1], card [CARD_1]");
        assertThat(nextTurn.get(4)).isEqualTo("and now [EMAIL_2] too");
        assertThat(nextTurn.get(5)).isEqualTo("Passage: write to [EMAIL_3]");
    }

    @Test
    void restoringPutsBackWhatTheCustomerMaySeeAndMasksCardsNumbersAndSecrets() {
        Masking masking = personalData.newMasking();
        masking.mask("Jane.Doe@Example.com, (415) 555-2671, 10.0.0.5, GB82 WEST 1234 5698 7654 32, 4111-1111-1111-1111, "
                + "SSN 123-45-6789, password: hunter2, and jane.doe@example.com again");

        String answer = masking.restore("We wrote to [EMAIL_1] and will call [PHONE_1]; [IP_1] is allowed; the refund goes to "
                + "[IBAN_1], not to [CARD_1]. We never store [SSN_1] or [SECRET_1].");

        assertThat(answer).isEqualTo("We wrote to Jane.Doe@Example.com and will call (415) 555-2671; 10.0.0.5 is allowed; "
                + "the refund goes to GB82 WEST 1234 5698 7654 32, not to •••• 1111. We never store •••-••-6789 or ••••••.");
    }

    @Test
    void aPlaceholderThatWasNeverIssuedIsLeftAsItIs() {
        Masking masking = personalData.newMasking();
        masking.mask("mail jane@example.com");

        assertThat(masking.restore("[EMAIL_1], [EMAIL_2], [PHONE_1], [email_1], [EMAIL_01] and [NAME_1]"))
                .isEqualTo("jane@example.com, [EMAIL_2], [PHONE_1], [email_1], [EMAIL_01] and [NAME_1]");
    }

    @Test
    void maskedTextMaskedAgainStaysAsItIs() {
        Masking masking = personalData.newMasking();
        String masked = masking.mask("my password is hunter2, PIN: 1234, card 4111 1111 1111 1111");

        assertThat(masking.mask(masked)).isEqualTo(masked);
        assertThat(masking.mask("the answer showed •••• 1111 and password: ••••••")).doesNotContain("[");
    }

    @Test
    void withMaskingOffNothingIsMaskedOrRestored() {
        Masking masking = new PersonalData(new PrivacySettings(false, false, "US")).newMasking();

        assertThat(masking.mask("card 4111 1111 1111 1111, jane@example.com")).isEqualTo("card 4111 1111 1111 1111, jane@example.com");
        assertThat(masking.restore("[EMAIL_1]")).isEqualTo("[EMAIL_1]");
    }

    private static List<String> concat(List<String> history, String... more) {
        return java.util.stream.Stream.concat(history.stream(), java.util.Arrays.stream(more)).toList();
    }
}
