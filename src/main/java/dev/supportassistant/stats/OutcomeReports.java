package dev.supportassistant.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether the assistant resolves anything: what became of the conversations that started in the
 * last days, for the operator ({@code GET /api/v1/stats/outcomes}, the console's Outcomes page).
 *
 * <ul>
 * <li><b>Ended</b>: nothing was written in a conversation for {@value #ENDED_AFTER_HOURS} hours
 *     (customers rarely say goodbye; a conversation resolved by a person has ended too).
 * <li><b>Resolved by the AI alone</b>: never handed to a person, with at least one AI answer, and
 *     ended; so not reopened within {@value #ENDED_AFTER_HOURS} hours either. Before it ends it is
 *     <b>open with the AI</b>.
 * <li><b>Handed to a person</b>: escalated at least once (a handoff step to "waiting for a person").
 * <li><b>Resolved by a person</b>: resolved at the desk at least once.
 * <li><b>Reopened</b>: resolved by a person, then the customer wrote again, or it was handed to a
 *     person again, within {@value #ENDED_AFTER_HOURS} hours of that first resolution.
 * <li><b>Time to the first human reply</b>: from the first handoff to the first reply a person wrote.
 * </ul>
 *
 * <p>Each conversation counts on the day (UTC) it started. Read in one statement per report from
 * the conversation, handoff and rating tables (read only, as {@link StatsStore} reads them), over at
 * most {@value #MAX_CONVERSATIONS} conversations, the newest, so that a report's memory is bounded
 * whatever the traffic; the handoff steps are found in the history's notes by their JSON.
 */
@Service
public class OutcomeReports {

    /** Hours without a message after which a conversation has ended. */
    public static final int ENDED_AFTER_HOURS = 24;
    /** The most conversations one report reads. */
    public static final int MAX_CONVERSATIONS = 20_000;
    /** The longest window, in days. */
    public static final int MAX_DAYS = 90;

    private static final Duration ENDED = Duration.ofHours(ENDED_AFTER_HOURS);

    private final JdbcClient jdbc;

    OutcomeReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One conversation's milestones, as the report's statement reads them. */
    private record Row(LocalDate day, Instant updatedAt, long aiAnswers, @Nullable Instant escalatedAt,
            @Nullable Instant firstHumanReplyAt, @Nullable Instant resolvedAt, @Nullable Instant afterResolvedAt,
            @Nullable Integer aiOnlyScore, @Nullable Double humanScore, long humanScores) {
    }

    /** The conversations that started in the last {@code days} days (1 to {@value #MAX_DAYS}) before {@code now}. */
    public OutcomeReport lastDays(int days, Instant now) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidWindowException("days: must be a whole number from 1 to " + MAX_DAYS);
        }
        Instant from = now.minus(Duration.ofDays(days));
        List<Row> rows = jdbc.sql("""
                SELECT c.created_at, c.updated_at,
                       (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.role = 'assistant'
                           AND m.provider IS NOT NULL) AS ai_answers,
                       (SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.role = 'system'
                           AND m.details LIKE :waiting) AS escalated_at,
                       (SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.role = 'assistant'
                           AND m.provider IS NULL AND m.details LIKE :human) AS first_human_reply_at,
                       r.resolved_at,
                       (SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.seq > r.resolved_seq
                           AND (m.role = 'user' OR m.role = 'system' AND m.details LIKE :waiting)) AS after_resolved_at,
                       (SELECT MAX(a.score) FROM conversation_ratings a WHERE a.conversation_id = c.id
                           AND a.human = FALSE) AS ai_only_score,
                       (SELECT AVG(CAST(p.score AS DOUBLE PRECISION)) FROM conversation_ratings p
                           WHERE p.conversation_id = c.id AND p.human = TRUE) AS human_score,
                       (SELECT COUNT(*) FROM conversation_ratings p WHERE p.conversation_id = c.id
                           AND p.human = TRUE) AS human_scores
                FROM conversations c
                LEFT JOIN (SELECT conversation_id, MIN(seq) AS resolved_seq, MIN(created_at) AS resolved_at
                           FROM messages WHERE role = 'system' AND details LIKE :resolved
                           GROUP BY conversation_id) r ON r.conversation_id = c.id
                WHERE c.created_at >= :from AND c.created_at < :to
                ORDER BY c.created_at DESC
                LIMIT :limit
                """)
                .param("waiting", "%\"status\":\"waiting_for_human\"%")
                .param("human", "%\"human\":true%")
                .param("resolved", "%\"status\":\"resolved\"%")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("limit", MAX_CONVERSATIONS + 1)
                .query((rs, row) -> new Row(instant(rs.getObject("created_at", OffsetDateTime.class))
                        .atOffset(ZoneOffset.UTC).toLocalDate(),
                        instant(rs.getObject("updated_at", OffsetDateTime.class)), rs.getLong("ai_answers"),
                        instant(rs.getObject("escalated_at", OffsetDateTime.class)),
                        instant(rs.getObject("first_human_reply_at", OffsetDateTime.class)),
                        instant(rs.getObject("resolved_at", OffsetDateTime.class)),
                        instant(rs.getObject("after_resolved_at", OffsetDateTime.class)),
                        rs.getObject("ai_only_score", Integer.class), rs.getObject("human_score", Double.class),
                        rs.getLong("human_scores")))
                .list();
        boolean truncated = rows.size() > MAX_CONVERSATIONS;
        List<Row> counted = truncated ? rows.subList(0, MAX_CONVERSATIONS) : rows;
        Map<LocalDate, List<Row>> perDay = new TreeMap<>();
        for (LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate(); !day.isAfter(now.atOffset(ZoneOffset.UTC)
                .toLocalDate()); day = day.plusDays(1)) {
            perDay.put(day, new ArrayList<>());
        }
        counted.forEach(row -> perDay.computeIfAbsent(row.day(), day -> new ArrayList<>()).add(row));
        List<OutcomeReport.Day> perDayFigures = perDay.entrySet().stream()
                .map(entry -> new OutcomeReport.Day(entry.getKey(), figures(entry.getValue(), now))).toList();
        return new OutcomeReport(from, now, figures(counted, now), perDayFigures, ratings(counted), truncated);
    }

    private static OutcomeReport.Figures figures(List<Row> rows, Instant now) {
        long resolvedByAi = 0;
        long openWithAi = 0;
        long handed = 0;
        long resolvedByPerson = 0;
        long reopened = 0;
        List<Long> firstReplies = new ArrayList<>();
        for (Row row : rows) {
            boolean ended = !row.updatedAt().isAfter(now.minus(ENDED));
            if (row.escalatedAt() == null) {
                if (ended && row.aiAnswers() > 0) {
                    resolvedByAi++;
                } else if (!ended) {
                    openWithAi++;
                }
                continue;
            }
            handed++;
            if (row.firstHumanReplyAt() != null && !row.firstHumanReplyAt().isBefore(row.escalatedAt())) {
                firstReplies.add(Duration.between(row.escalatedAt(), row.firstHumanReplyAt()).toMillis());
            }
            if (row.resolvedAt() != null) {
                resolvedByPerson++;
                if (row.afterResolvedAt() != null
                        && !row.afterResolvedAt().isAfter(row.resolvedAt().plus(ENDED))) {
                    reopened++;
                }
            }
        }
        return new OutcomeReport.Figures(rows.size(), resolvedByAi, openWithAi, handed, resolvedByPerson, reopened,
                median(firstReplies));
    }

    private static OutcomeReport.Ratings ratings(List<Row> rows) {
        long aiCount = 0;
        double aiSum = 0;
        long humanCount = 0;
        double humanSum = 0;
        for (Row row : rows) {
            if (row.aiOnlyScore() != null) {
                aiCount++;
                aiSum += row.aiOnlyScore();
            }
            if (row.humanScore() != null) {
                humanCount += row.humanScores();
                humanSum += row.humanScore() * row.humanScores();
            }
        }
        return new OutcomeReport.Ratings(new OutcomeReport.Split(aiCount, aiCount == 0 ? null : aiSum / aiCount),
                new OutcomeReport.Split(humanCount, humanCount == 0 ? null : humanSum / humanCount));
    }

    private static @Nullable Double median(List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double value = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return value / 1000.0;
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
