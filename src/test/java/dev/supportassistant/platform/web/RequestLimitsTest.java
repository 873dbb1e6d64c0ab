package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MAX_MESSAGE_CHARS counts characters as people do, not Java's UTF-16 units. */
class RequestLimitsTest {

    private final RequestLimits limits = new RequestLimits(1_048_576, 4000, 12_582_912);

    @Test
    void anEmojiCountsAsOneCharacter() {
        String thumbsUp = "\uD83D\uDC4D";

        assertThat(limits.messageTooLong(thumbsUp.repeat(4000))).isFalse();
        assertThat(limits.messageTooLong(thumbsUp.repeat(4001))).isTrue();
    }

    @Test
    void plainTextIsCountedAsBefore() {
        assertThat(limits.messageTooLong("a".repeat(4000))).isFalse();
        assertThat(limits.messageTooLong("a".repeat(4001))).isTrue();
    }
}
