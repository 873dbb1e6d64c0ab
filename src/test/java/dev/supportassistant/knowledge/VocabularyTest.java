package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = new Vocabulary(List.of(
            "Cancel your subscription. Open Settings and select Billing, then Cancel subscription.",
            "Password rules: a new password needs at least 12 characters. Requirements for passwords.",
            "Error E1002: storage full. Your storage is full; delete files or upgrade your plan.",
            "Password reset email did not arrive: check your spam folder for the email."));

    @Test
    void correctsMisspeltWordsToTheWordsOfTheArticles() {
        assertThat(vocabulary.corrected("cancle my subscribtion")).isEqualTo("cancel my subscription");
        assertThat(vocabulary.corrected("what are the pasword requirments?"))
                .isEqualTo("what are the password requirements?");
        assertThat(vocabulary.corrected("the pasword reset emial never came"))
                .isEqualTo("the password reset email never came");
    }

    @Test
    void leavesKnownWordsCodesAndShortWordsAsTyped() {
        assertThat(vocabulary.corrected("Storage FULL, error E1002")).isEqualTo("Storage FULL, error E1002");
        assertThat(vocabulary.corrected("E1020 and 0x80070005")).isEqualTo("E1020 and 0x80070005");
        assertThat(vocabulary.corrected("teh vpn")).isEqualTo("teh vpn");
    }

    @Test
    void leavesWordsFarFromEveryWordOfTheArticles() {
        assertThat(vocabulary.corrected("our team shrank")).isEqualTo("our team shrank");
    }

    /** "real" is one letter from "read", "three" from "there": words, not typos. */
    @Test
    void leavesCorrectWordsThatAreCloseToWordsOfTheArticles() {
        Vocabulary close = new Vocabulary(List.of("Read the email there and open the block list.",
                "Reinstall the app."));
        assertThat(close.corrected("the real problem is three black screens"))
                .isEqualTo("the real problem is three black screens");
        assertThat(close.corrected("I reinstalled it")).isEqualTo("I reinstalled it");
        assertThat(close.corrected("the emial is not thre")).isEqualTo("the email is not there");
    }

    @Test
    void aVeryLongWordIsLeftAsTypedWithoutALookup() {
        String pasted = "subscribtion" + "x".repeat(5_000);

        assertThat(vocabulary.corrected("cancle " + pasted)).isEqualTo("cancel " + pasted);
    }

    @Test
    void anEmptyKnowledgeBaseCorrectsNothing() {
        assertThat(new Vocabulary(List.of()).corrected("cancle")).isEqualTo("cancle");
    }
}
