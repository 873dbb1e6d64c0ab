package dev.supportassistant.handoff;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
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
 * {@code Mon-Fri} or {@code Mon,Wed,Fri}; times 24-hour, the end after the start ({@code 24:00} for
 * midnight); one IANA time zone at the end. Empty: always open. Parsed strictly at start-up: a value
 * that does not read exactly so stops the service naming {@code DESK_HOURS}, rather than leave a
 * desk "closed" by a typo.
 *
 * <p>Why: outside these hours a customer who asks for a person is told when the desk opens, their
 * conversation waits in the queue marked "after hours", and the AI goes on answering meanwhile.
 */
final class DeskHours {

    static final String VARIABLE = "DESK_HOURS";
    private static final String ACCEPTED = "days and hours with a time zone, such as 'Mon-Fri 09:00-17:30 Europe/Berlin'"
            + " or 'Mon-Fri 09:00-17:30; Sat 10:00-14:00 Europe/Berlin', or nothing for always open";
    /** Longer than any sensible value: a setting is read before anything is allocated for it. */
    private static final int MAX_CHARS = 500;
    private static final Pattern SPAN = Pattern.compile(
            "([A-Za-z]{3}(?:-[A-Za-z]{3})?(?:,[A-Za-z]{3}(?:-[A-Za-z]{3})?)*) ([0-2]\\d:[0-5]\\d)-([0-2]\\d:[0-5]\\d)");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** Hours on some days, from {@code opens} to {@code closes} ({@code null}: midnight at the day's end). */
    private record Span(Set<DayOfWeek> days, LocalTime opens, @Nullable LocalTime closes) {

        boolean covers(ZonedDateTime at) {
            LocalTime time = at.toLocalTime();
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
            throw invalid(null);
        }
        int lastSpace = text.lastIndexOf(' ');
        if (lastSpace < 0) {
            throw invalid(text);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text.substring(lastSpace + 1));
        } catch (DateTimeException notAZone) {
            throw invalid(text);
        }
        List<Span> spans = new ArrayList<>();
        for (String part : text.substring(0, lastSpace).split(";", -1)) {
            Matcher span = SPAN.matcher(part.strip());
            if (!span.matches()) {
                throw invalid(text);
            }
            LocalTime opens = time(span.group(2), text);
            LocalTime closes = "24:00".equals(span.group(3)) ? null : time(span.group(3), text);
            if (closes != null && !closes.isAfter(opens)) {
                throw invalid(text);
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

    /** "Monday 8 December at 09:00 (Europe/Berlin)": when the desk opens next, for a customer. */
    static String describe(ZonedDateTime opening) {
        return opening.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + opening.getDayOfMonth()
                + " " + opening.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at "
                + opening.toLocalTime() + " (" + opening.getZone().getId() + ")";
    }

    private static Set<DayOfWeek> days(String list, String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : list.split(",")) {
            String[] ends = item.split("-");
            int from = day(ends[0], text);
            int to = ends.length == 1 ? from : day(ends[1], text);
            if (to < from) {
                throw invalid(text);
            }
            for (int day = from; day <= to; day++) {
                days.add(DayOfWeek.of(day + 1));
            }
        }
        return days;
    }

    private static int day(String name, String text) {
        int day = DAYS.indexOf(name.toLowerCase(Locale.ROOT));
        if (day < 0) {
            throw invalid(text);
        }
        return day;
    }

    private static LocalTime time(String value, String text) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException notATime) {
            throw invalid(text);
        }
    }

    private static InvalidSettingException invalid(@Nullable String shown) {
        return new InvalidSettingException(VARIABLE, shown, ACCEPTED);
    }
}
