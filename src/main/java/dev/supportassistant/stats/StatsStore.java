package dev.supportassistant.stats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Adds up the stored assistant replies of a time window per provider, in plain SQL that H2 and
 * PostgreSQL both run, so the numbers survive restarts and cover every instance. Replies no
 * provider wrote (a person's, and the holding reply of a handoff) have no provider: they are
 * counted apart, per agent, never in a provider's figures.
 *
 * <p>A reply counts as offering screen sharing when the message stored right after it in its
 * conversation is the {@code offered} screen-sharing event: the chat records the offer there, for
 * exactly the replies that answered {@code should_request_screen_share: true}.
 *
 * <p>It reads the conversation module's tables directly: a report adds up thousands of rows, which
 * only the database does well. The {@code details} column holds the message metadata fields
 * that have no column of their own, under the same names as in the API; of a reply no provider
 * wrote, the report reads who wrote it ({@link ReplyDetails}).
 */
@Repository
class StatsStore {

    /** What {@code details} says about a reply no provider wrote: a person's (their name) or the holding reply. */
    record ReplyDetails(@Nullable String author, @Nullable Boolean human, @Nullable Object handoff) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StatsStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Per provider, by name, the replies created at or after {@code from} and before {@code to}. */
    List<ProviderStats.Sums> perProvider(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT m.provider,
                       COUNT(*) AS messages,
                       COALESCE(SUM(m.prompt_tokens), 0) AS prompt_tokens,
                       COALESCE(SUM(m.completion_tokens), 0) AS completion_tokens,
                       COALESCE(SUM(m.total_tokens), 0) AS total_tokens,
                       SUM(CASE WHEN m.fallback THEN 1 ELSE 0 END) AS fallbacks,
                       COALESCE(SUM(m.confusion_level), 0) AS confusion_sum,
                       COUNT(m.confusion_level) AS confusion_count,
                       SUM(CASE WHEN EXISTS (
                               SELECT 1 FROM messages o
                               WHERE o.conversation_id = m.conversation_id AND o.role = 'system'
                                 AND o.details LIKE :offered
                                 AND o.seq = (SELECT MIN(n.seq) FROM messages n
                                              WHERE n.conversation_id = m.conversation_id AND n.seq > m.seq))
                           THEN 1 ELSE 0 END) AS screen_share_offers
                FROM messages m
                WHERE m.role = 'assistant' AND m.provider IS NOT NULL AND m.created_at >= :from AND m.created_at < :to
                GROUP BY m.provider
                ORDER BY m.provider
                """)
                .param("offered", "%\"event\":\"offered\"%")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, row) -> new ProviderStats.Sums(rs.getString("provider"), rs.getLong("messages"),
                        rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"), rs.getLong("total_tokens"),
                        rs.getLong("fallbacks"), rs.getDouble("confusion_sum"), rs.getLong("confusion_count"),
                        rs.getLong("screen_share_offers")))
                .list();
    }

    /**
     * The replies of the window that no provider wrote: the support agents' (per agent, by the name
     * stored with each) and the holding replies saying a person will join.
     */
    HandoffStats handoff(Instant from, Instant to) {
        Map<String, Long> perAgent = new TreeMap<>();
        long[] holding = {0};
        jdbc.sql("""
                SELECT details FROM messages
                WHERE role = 'assistant' AND provider IS NULL AND created_at >= :from AND created_at < :to
                """)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((RowCallbackHandler) rs -> {
                    String text = rs.getString("details");
                    ReplyDetails details = text == null ? null : json.readValue(text, ReplyDetails.class);
                    if (details == null) {
                        return;
                    }
                    if (Boolean.TRUE.equals(details.human())) {
                        perAgent.merge(details.author() == null ? "unknown" : details.author(), 1L, Long::sum);
                    } else if (details.handoff() != null) {
                        holding[0]++;
                    }
                });
        List<HandoffStats.AgentReplies> agents = perAgent.entrySet().stream()
                .map(entry -> new HandoffStats.AgentReplies(entry.getKey(), entry.getValue())).toList();
        return new HandoffStats(agents.stream().mapToLong(HandoffStats.AgentReplies::replies).sum(), holding[0], agents);
    }
}
