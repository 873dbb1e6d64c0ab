package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTermsTest {

    @Test
    void inflectionsOfResetMeet() {
        assertThat(TextTerms.of("reset resetting resets")).containsOnly("reset").hasSize(3);
    }

    @Test
    void inflectionsOfUpdateMeet() {
        assertThat(TextTerms.of("update updated updating updates")).containsOnly(TextTerms.stem("update"))
                .hasSize(4);
    }

    @Test
    void pluralsMeetTheirSingular() {
        assertThat(TextTerms.of("password passwords")).containsExactly("password", "password");
        assertThat(TextTerms.of("policy policies")).containsExactly("policy", "policy");
    }

    @Test
    void distinctWordsStayDistinct() {
        assertThat(TextTerms.stem("access")).isEqualTo("access");
        assertThat(TextTerms.stem("status")).isEqualTo("status");
        assertThat(TextTerms.stem("sync")).isNotEqualTo(TextTerms.stem("sign"));
    }

    @Test
    void errorCodesStayWhole() {
        assertThat(TextTerms.of("Error 0x80070005 then E1234 and HTTP 500"))
                .containsExactly("error", "0x80070005", "e1234", "http", "500");
    }

    @Test
    void stopWordsAreDropped() {
        assertThat(TextTerms.of("Hi, how do I reset my password? Thanks, I've tried everything"))
                .containsExactly("reset", "password");
    }

    @Test
    void curlyApostrophesCountAsStraightOnes() {
        assertThat(TextTerms.of("I can’t sign in")).containsExactly("sign");
    }

    @Test
    void textIsLowerCased() {
        assertThat(TextTerms.of("PASSWORD Reset E1002")).containsExactly("password", "reset", "e1002");
    }
}
