package dev.supportassistant.handoff;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * When people work at the desk ({@code DESK_HOURS}): {@code Mon-Fri 09:00-17:30 Europe/Berlin}, or
 * several spans {@code Mon-Fri 09:00-17:30; Sat 10:00-14:00 Europe/Berlin}; days as {@code Mon},
 * {@code Mon-Fri}, {@code Fri-Mon} or {@code Mon,Wed,Fri}; times 24-hour ({@code 24:00} for midnight),
 * a span that ends before it starts running past midnight ({@code Mon-Fri 22:00-06:00}: Monday night
 * to Saturday morning); one IANA time zone at the end. Empty: always open. Parsed strictly at start-up:
 * a value that does not read exactly so stops the service naming {@code DESK_HOURS} and what is wrong,
 * rather than leave a desk "closed" by a typo.
 *
 * <p>Why: outside these hours a customer who asks for a person is told when the desk opens, their
 * conversation waits in the queue marked "after hours", and the AI goes on answering meanwhile.
 */
final class DeskHours {

    static final String VARIABLE = "DESK_HOURS";
    private static final String ACCEPTED = "days and hours with a time zone, such as 'Mon-Fri 09:00-17:30 Europe/Berlin'"
            + " or 'Mon-Fri 09:00-17:30; Sat 10:00-14:00 Europe/Berlin', or nothing for always open";
    private static final String DAY_NAMES = "Mon, Tue, Wed, Thu, Fri, Sat, Sun";
    /** Longer than any sensible value: a setting is read before anything is allocated for it. */
    private static final int MAX_CHARS = 500;
    private static final DateTimeFormatter OPENING = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm");
    private static final Pattern SPAN = Pattern.compile(
            "([A-Za-z]+(?:-[A-Za-z]+)?(?:,[A-Za-z]+(?:-[A-Za-z]+)?)*) ([0-2]\\d:[0-5]\\d)-([0-2]\\d:[0-5]\\d)");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /**
     * Hours starting on some days, from {@code opens} to {@code closes} ({@code null}: midnight at the
     * day's end); a span that closes before it opens ends on the next day.
     */
    private record Span(Set<DayOfWeek> days, LocalTime opens, @Nullable LocalTime closes) {

        boolean covers(ZonedDateTime at) {
            LocalTime time = at.toLocalTime();
            if (closes != null && closes.isBefore(opens)) {
                return days.contains(at.getDayOfWeek()) && !time.isBefore(opens)
                        || days.contains(at.getDayOfWeek().minus(1)) && time.isBefore(closes);
            }
            return days.contains(at.getDayOfWeek()) && !time.isBefore(opens) && (closes == null || time.isBefore(closes));
        }
    }

    private final String text;
    private final @Nullable ZoneId zone;
    private final List<Span> spans;
    private final Clock clock;

    private DeskHours(String text, @Nullable ZoneId zone, List<Span> spans, Clock clock) {
        this.text = text;
        this.zone = zone;
        this.spans = List.copyOf(spans);
        this.clock = clock;
    }

    /**
     * @throws InvalidSettingException the value does not read as desk hours
     */
    static DeskHours parse(@Nullable String value, Clock clock) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return new DeskHours("", null, List.of(), clock);
        }
        if (text.length() > MAX_CHARS) {
            throw invalid(null, "a value of at most " + MAX_CHARS + " characters");
        }
        int lastSpace = text.lastIndexOf(' ');
        if (lastSpace < 0) {
            throw invalid(text, "days and hours before the time zone");
        }
        String zoneName = text.substring(lastSpace + 1);
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException notAZone) {
            throw invalid(text, "an IANA time zone such as Europe/Berlin or UTC at the end, not '" + zoneName + "'");
        }
        List<Span> spans = new ArrayList<>();
        for (String part : text.substring(0, lastSpace).split(";", -1)) {
            Matcher span = SPAN.matcher(part.strip());
            if (!span.matches()) {
                throw invalid(text, "each span as DAYS HH:MM-HH:MM, such as 'Mon-Fri 09:00-17:30', not '"
                        + part.strip() + "'");
            }
            LocalTime opens = time(span.group(2), text);
            LocalTime closes = "24:00".equals(span.group(3)) ? null : time(span.group(3), text);
            if (opens.equals(closes)) {
                throw invalid(text, "a span that closes at another time than it opens ('" + part.strip()
                        + "'; 00:00-24:00 is the whole day)");
            }
            spans.add(new Span(days(span.group(1), text), opens, closes));
        }
        return new DeskHours(text, zone, spans, clock);
    }

    /** Whether there are desk hours at all; without, the desk is always open. */
    boolean limited() {
        return zone != null;
    }

    /** The setting as written, to show: {@code Mon-Fri 09:00-17:30 Europe/Berlin}. */
    String text() {
        return text;
    }

    boolean openNow() {
        return openAt(clock.instant());
    }

    boolean openAt(Instant instant) {
        return zone == null || spans.stream().anyMatch(span -> span.covers(instant.atZone(zone)));
    }

    /** When the desk opens next, in its time zone; empty while it is open (or has no hours). */
    Optional<ZonedDateTime> nextOpening() {
        Instant now = clock.instant();
        if (zone == null || openAt(now)) {
            return Optional.empty();
        }
        ZonedDateTime today = now.atZone(zone);
        // The first opening of any span in the coming week, from today on.
        for (int day = 0; day <= 7; day++) {
            ZonedDateTime date = today.plusDays(day);
            Optional<ZonedDateTime> first = spans.stream().filter(span -> span.days().contains(date.getDayOfWeek()))
                    .map(span -> date.with(span.opens()))
                    .filter(opening -> opening.isAfter(today))
                    .min(ZonedDateTime::compareTo);
            if (first.isPresent()) {
                return first;
            }
        }
        return Optional.empty();
    }

    /**
     * When the desk opens next, for a customer, in their language: "Monday 7 December, 09:00
     * (Europe/Berlin)", "lunes 7 diciembre, 09:00 (Europe/Berlin)".
     */
    static String describe(ZonedDateTime opening, Locale language) {
        return OPENING.withLocale(language).format(opening) + " (" + opening.getZone().getId() + ")";
    }

    private static Set<DayOfWeek> days(String list, String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : list.split(",")) {
            String[] ends = item.split("-");
            DayOfWeek from = day(ends[0], text);
            DayOfWeek to = ends.length == 1 ? from : day(ends[1], text);
            for (DayOfWeek day = from; day != to; day = day.plus(1)) { // a range may run over the weekend
                days.add(day);
            }
            days.add(to);
        }
        return days;
    }

    private static DayOfWeek day(String name, String text) {
        int day = DAYS.indexOf(name.toLowerCase(Locale.ROOT));
        if (day < 0) {
            throw invalid(text, "days among " + DAY_NAMES + ", not '" + name + "'");
        }
        return DayOfWeek.of(day + 1);
    }

    private static LocalTime time(String value, String text) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException notATime) {
            throw invalid(text, "times from 00:00 to 24:00, not '" + value + "'");
        }
    }

    private static InvalidSettingException invalid(@Nullable String shown, String wanted) {
        return new InvalidSettingException(VARIABLE, shown, ACCEPTED + " (" + wanted + ")");
    }
}
