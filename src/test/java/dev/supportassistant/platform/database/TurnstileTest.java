package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TurnstileTest {

    @Test
    void aPlaceGivenBackCanBeTakenAgain() throws Exception {
        Turnstile turnstile = new Turnstile(1, Duration.ofMillis(100), 10);
        turnstile.enter();
        turnstile.leave();
        turnstile.enter();
        assertThat(turnstile.waiting()).isZero();
    }

    @Test
    void withEveryPlaceTakenACallerWaitsAtMostTheMaximumWait() throws Exception {
        Turnstile turnstile = new Turnstile(2, Duration.ofMillis(100), 10);
        turnstile.enter();
        turnstile.enter();
        assertThatThrownBy(turnstile::enter).isInstanceOf(Turnstile.NoPlace.class)
                .hasMessage("no turn within 0 s");
    }

    @Test
    void whenEnoughAlreadyWaitANewCallerIsTurnedAwayAtOnce() throws Exception {
        Turnstile turnstile = new Turnstile(1, Duration.ofHours(1), 0);
        turnstile.enter();
        assertThatThrownBy(turnstile::enter).isInstanceOf(Turnstile.NoPlace.class)
                .hasMessage("0 others are already waiting");
    }

    @Test
    void aTurnstileNeedsAPlace() {
        assertThatThrownBy(() -> new Turnstile(0, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
