package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void countsAddedDroppedChangedAndSwappedLetters() {
        assertThat(Spelling.distance("pasword", "password", 2)).isEqualTo(1);
        assertThat(Spelling.distance("cancle", "cancel", 2)).isEqualTo(1);
        assertThat(Spelling.distance("portugese", "portuguese", 2)).isEqualTo(1);
        assertThat(Spelling.distance("subscribtion", "subscription", 2)).isEqualTo(1);
        assertThat(Spelling.distance("invoice", "invoice", 2)).isZero();
    }

    @Test
    void stopsAtTheLimit() {
        assertThat(Spelling.distance("printer", "invoice", 1)).isEqualTo(2);
        assertThat(Spelling.distance("vpn", "verification", 2)).isEqualTo(3);
    }
}
