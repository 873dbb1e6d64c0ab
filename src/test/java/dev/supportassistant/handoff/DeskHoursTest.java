package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.supportassistant.platform.config.InvalidSettingException;

/** {@code DESK_HOURS}: read strictly, and when the desk is open and opens next, on a fixed clock. */
class DeskHoursTest {

    private static final String BERLIN_OFFICE = "Mon-Fri 09:00-17:30 Europe/Berlin";
    /** Sunday 6 December 2026, 12:00 UTC (13:00 in Berlin). */
    private static final Instant SUNDAY_NOON = Instant.parse("2026-12-06T12:00:00Z");

    private static DeskHours at(String hours, Instant now) {
        return DeskHours.parse(hours, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theDeskIsOpenWithinItsHoursInItsOwnTimeZone() {
        // 08:30 UTC on a Monday in December is 09:30 in Berlin; 16:45 UTC is 17:45 there.
        assertThat(at(BERLIN_OFFICE, Instant.parse("2026-12-07T08:30:00Z")).openNow()).isTrue();
        assertThat(at(BERLIN_OFFICE, Instant.parse("2026-12-07T07:59:00Z")).openNow()).isFalse();
        assertThat(at(BERLIN_OFFICE, Instant.parse("2026-12-07T16:29:00Z")).openNow()).isTrue();
        assertThat(at(BERLIN_OFFICE, Instant.parse("2026-12-07T16:30:00Z")).openNow()).isFalse();
        assertThat(at(BERLIN_OFFICE, SUNDAY_NOON).openNow()).isFalse();
    }

    @Test
    void outsideItsHoursItSaysWhenItOpensNext() {
        DeskHours sunday = at(BERLIN_OFFICE, SUNDAY_NOON);

        assertThat(sunday.nextOpening()).hasValueSatisfying(opening -> assertThat(DeskHours.describe(opening, Locale.ENGLISH))
                .isEqualTo("Monday 7 December, 09:00 (Europe/Berlin)"));
        assertThat(at(BERLIN_OFFICE, Instant.parse("2026-12-07T08:30:00Z")).nextOpening()).isEmpty();
        // Friday evening: the next opening is Monday's, not Saturday's.
        assertThat(at(BERLIN_OFFICE, Instant.parse("2026-12-11T18:00:00Z")).nextOpening())
                .hasValueSatisfying(opening -> assertThat(opening.getDayOfMonth()).isEqualTo(14));
        // Early on a working day: that same morning.
        assertThat(at(BERLIN_OFFICE, Instant.parse("2026-12-08T05:00:00Z")).nextOpening())
                .hasValueSatisfying(opening -> assertThat(opening.toLocalTime()).hasToString("09:00"));
    }

    @Test
    void severalSpansDaysListsAndMidnightAreUnderstood() {
        DeskHours hours = at("Mon,Wed 08:00-12:00; Sat 10:00-24:00 UTC", Instant.parse("2026-12-12T23:59:00Z"));

        assertThat(hours.openNow()).isTrue();
        assertThat(hours.openAt(Instant.parse("2026-12-09T11:59:00Z"))).isTrue();
        assertThat(hours.openAt(Instant.parse("2026-12-08T09:00:00Z"))).as("a Tuesday").isFalse();
        assertThat(hours.openAt(Instant.parse("2026-12-13T00:00:00Z"))).as("Sunday, midnight").isFalse();
    }

    @Test
    void aSpanThatEndsBeforeItStartsRunsPastMidnight() {
        DeskHours nights = at("Mon-Fri 22:00-06:00 UTC", SUNDAY_NOON);

        assertThat(nights.openAt(Instant.parse("2026-12-07T23:00:00Z"))).as("Monday night").isTrue();
        assertThat(nights.openAt(Instant.parse("2026-12-08T05:59:00Z"))).as("Tuesday morning").isTrue();
        assertThat(nights.openAt(Instant.parse("2026-12-08T06:00:00Z"))).as("Tuesday, 06:00").isFalse();
        assertThat(nights.openAt(Instant.parse("2026-12-12T05:00:00Z"))).as("Saturday morning, Friday's night")
                .isTrue();
        assertThat(nights.openAt(Instant.parse("2026-12-07T05:00:00Z"))).as("Monday morning, Sunday had no night")
                .isFalse();
        assertThat(nights.nextOpening()).hasValueSatisfying(opening ->
                assertThat(opening).hasToString("2026-12-07T22:00Z[UTC]"));
    }

    @Test
    void aDayRangeMayRunOverTheWeekend() {
        DeskHours weekend = at("Fri-Mon 10:00-16:00 UTC", SUNDAY_NOON);

        assertThat(weekend.openNow()).as("Sunday").isTrue();
        assertThat(weekend.openAt(Instant.parse("2026-12-07T12:00:00Z"))).as("Monday").isTrue();
        assertThat(weekend.openAt(Instant.parse("2026-12-08T12:00:00Z"))).as("Tuesday").isFalse();
        assertThat(weekend.openAt(Instant.parse("2026-12-11T12:00:00Z"))).as("Friday").isTrue();
    }

    @Test
    void noHoursMeansAlwaysOpen() {
        DeskHours always = at("  ", SUNDAY_NOON);

        assertThat(always.limited()).isFalse();
        assertThat(always.openNow()).isTrue();
        assertThat(always.nextOpening()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mon-Fri 9-17 Europe/Berlin", "Mon-Fri 09:00-17:30", "Mon-Fri 09:00-17:30 Mars/Olympus",
            "Mon-Fri 09:00-09:00 UTC", "Mon-Fri 09:00-25:00 UTC", "Mo-Fr 09:00-17:30 UTC",
            "Mon-Fri  09:00-17:30 UTC", "Mon-Fri 09:00-17:30; UTC", "weekdays UTC"})
    void aValueThatDoesNotReadExactlyStopsStartUpNamingTheVariable(String value) {
        assertThatThrownBy(() -> DeskHours.parse(value, Clock.systemUTC()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid setting DESK_HOURS=" + value.strip() + ": expected days and hours")
                .satisfies(invalid -> assertThat(((InvalidSettingException) invalid).variable()).isEqualTo("DESK_HOURS"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mo-Fr 09:00-17:30 UTC | (days among Mon, Tue, Wed, Thu, Fri, Sat, Sun, not 'Mo')",
            "Mon-Fri 09:00-25:00 UTC | (times from 00:00 to 24:00, not '25:00')",
            "Mon-Fri 09:00-17:30 Mars/Olympus | (an IANA time zone such as Europe/Berlin or UTC at the end, not 'Mars/Olympus')",
            "Mon-Fri 9-17 UTC | (each span as DAYS HH:MM-HH:MM, such as 'Mon-Fri 09:00-17:30', not 'Mon-Fri 9-17')",
            "Mon 09:00-09:00 UTC | (a span that closes at another time than it opens ('Mon 09:00-09:00'; 00:00-24:00 is the whole day))"})
    void theRefusalSaysWhatIsWrong(String value, String reason) {
        assertThatThrownBy(() -> DeskHours.parse(value, Clock.systemUTC())).hasMessageEndingWith(reason);
    }
}
