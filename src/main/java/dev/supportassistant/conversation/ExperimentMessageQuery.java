package dev.supportassistant.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.supportassistant.routing.ExperimentMessage;
import dev.supportassistant.routing.ExperimentMessages;
import tools.jackson.databind.json.JsonMapper;

/** Reads an experiment's messages for its results; chat owns the tables, so the SQL lives here. */
@Repository
class ExperimentMessageQuery implements ExperimentMessages {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExperimentMessageQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<ExperimentMessage> ofExperiment(String experiment) {
        return jdbc.sql("""
                SELECT m.conversation_id, m.role, m.experiment, m.variant, m.route, m.model, m.prompt_tokens,
                       m.completion_tokens, m.latency_ms, m.fallback, m.confusion_level, m.details, f.rating
                FROM messages m LEFT JOIN message_feedback f ON f.message_id = m.id
                WHERE m.conversation_id IN (SELECT conversation_id FROM messages WHERE experiment = :experiment)
                ORDER BY m.conversation_id, m.seq
                """)
                .param("experiment", experiment)
                .query((rs, row) -> new ExperimentMessage(rs.getString("conversation_id"), rs.getString("role"),
                        rs.getString("experiment"), rs.getString("variant"), rs.getString("route"),
                        rs.getString("model"), rs.getObject("prompt_tokens", Integer.class),
                        rs.getObject("completion_tokens", Integer.class), rs.getObject("latency_ms", Long.class),
                        rs.getObject("fallback", Boolean.class), rs.getObject("confusion_level", Double.class),
                        rs.getString("rating"), screenShareOffered(details(rs.getString("details"))),
                        handedOff(details(rs.getString("details")))))
                .list();
    }

    private ConversationStore.@Nullable Details details(@Nullable String json) {
        return json == null ? null : this.json.readValue(json, ConversationStore.Details.class);
    }

    private static boolean screenShareOffered(ConversationStore.@Nullable Details details) {
        return details != null && details.screenShare() != null && "offered".equals(details.screenShare().event());
    }

    /** The status change that puts a conversation in the queue for a person. */
    private static boolean handedOff(ConversationStore.@Nullable Details details) {
        return details != null && details.handoff() != null && "waiting_for_human".equals(details.handoff().status())
                && !"waiting_for_human".equals(details.handoff().previousStatus());
    }
}
