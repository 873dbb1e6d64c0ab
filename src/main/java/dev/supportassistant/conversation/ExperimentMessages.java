package dev.supportassistant.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The messages an experiment's results are added up from, for the routing module's report: the
 * SQL lives here, beside the tables it reads.
 */
@Repository
public class ExperimentMessages {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExperimentMessages(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Every message of every conversation that has at least one message recorded in the
     * experiment, grouped by conversation and in the order they were stored.
     */
    public List<ExperimentMessage> ofExperiment(String experiment) {
        return jdbc.sql("""
                SELECT m.conversation_id, m.role, m.experiment, m.variant, m.route, m.model, m.prompt_tokens,
                       m.completion_tokens, m.latency_ms, m.fallback, m.confusion_level, m.details, f.rating
                FROM messages m LEFT JOIN message_feedback f ON f.message_id = m.id
                WHERE m.conversation_id IN (SELECT conversation_id FROM messages WHERE experiment = :experiment)
                ORDER BY m.conversation_id, m.seq
                """)
                .param("experiment", experiment)
                .query((rs, row) -> {
                    MessageRows.Details details = details(rs.getString("details"));
                    return new ExperimentMessage(rs.getString("conversation_id"), rs.getString("role"),
                            rs.getString("experiment"), rs.getString("variant"), rs.getString("route"),
                            rs.getString("model"), rs.getObject("prompt_tokens", Integer.class),
                            rs.getObject("completion_tokens", Integer.class), rs.getObject("latency_ms", Long.class),
                            rs.getObject("fallback", Boolean.class), rs.getObject("confusion_level", Double.class),
                            rs.getString("rating"), screenShareOffered(details), handedOff(details));
                })
                .list();
    }

    private MessageRows.@Nullable Details details(@Nullable String text) {
        return text == null ? null : json.readValue(text, MessageRows.Details.class);
    }

    private static boolean screenShareOffered(MessageRows.@Nullable Details details) {
        return details != null && details.screenShare() != null && "offered".equals(details.screenShare().event());
    }

    /** The status change that puts a conversation in the queue for a person. */
    private static boolean handedOff(MessageRows.@Nullable Details details) {
        return details != null && details.handoff() != null && "waiting_for_human".equals(details.handoff().status())
                && !"waiting_for_human".equals(details.handoff().previousStatus());
    }
}
