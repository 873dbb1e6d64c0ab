package dev.supportassistant.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.supportassistant.conversation.ChatMessage.Role;
import dev.supportassistant.conversation.MessageMetadata.AiAnswer;
import dev.supportassistant.conversation.MessageMetadata.CustomerMessage;
import dev.supportassistant.conversation.MessageMetadata.HandoffNote;
import dev.supportassistant.conversation.MessageMetadata.HoldingReply;
import dev.supportassistant.conversation.MessageMetadata.HumanReply;
import dev.supportassistant.conversation.MessageMetadata.ScreenNotice;
import dev.supportassistant.conversation.MessageMetadata.ScreenShareNote;
import dev.supportassistant.conversation.MessageMetadata.ScreenshotNote;
import dev.supportassistant.conversation.MessageMetadata.TokenUsage;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each kind of message is kept in the {@code messages} table, and read back: the fields with
 * a column of their own in it, the rest as JSON in {@code details}. The layout is the one every
 * earlier version wrote, so their rows read as they always did and a row written now reads in them.
 * Which kind a row holds follows from its role and what it carries: a person's reply says
 * {@code human}, a screen notice its {@code screen_error}, an AI's answer names its provider, anything else of the assistant's is its own
 * holding reply; a system note holds a handoff step, a screen-sharing step or a screenshot.
 */
@Component
class MessageRows {

    /** The metadata without a column of its own, as JSON in {@code messages.details}. */
    record Details(@Nullable List<String> confusionSignals, @Nullable List<MessageMetadata.Source> sources,
            @Nullable Boolean incomplete, @Nullable ScreenShareEvent screenShare, @Nullable String author,
            @Nullable Boolean human, MessageMetadata.@Nullable Handoff handoff,
            MessageMetadata.@Nullable Screenshot screenshot,
            @Nullable List<MessageMetadata.ScreenGuidance> screenGuidance, @Nullable String screenError) {

        static final Details NONE = new Details(null, null, null, null, null, null, null, null, null, null);
    }

    /** A message's columns besides its id, conversation, role, text and time. */
    record Columns(@Nullable String provider, @Nullable String model, @Nullable TokenUsage usage,
            @Nullable Double confusionLevel, @Nullable Long latencyMs, @Nullable Boolean fallback,
            @Nullable String error, Details details, @Nullable String route, @Nullable String experiment,
            @Nullable String variant) {
    }

    private final JsonMapper json;

    MessageRows(JsonMapper json) {
        this.json = json;
    }

    Columns columns(MessageMetadata metadata) {
        // Java 17: no pattern matching in switch yet; every kind of the sealed family has its branch.
        if (metadata instanceof CustomerMessage customer) {
            return new Columns(null, null, null, customer.confusionLevel(), null, null, null,
                    new Details(customer.confusionSignals(), null, null, null, null, null, null, null, null, null),
                    null, customer.experiment(), customer.variant());
        }
        if (metadata instanceof AiAnswer answer) {
            return new Columns(answer.provider(), answer.model(), answer.tokenUsage(), answer.confusionLevel(),
                    answer.latencyMs(), answer.fallback(), answer.error(),
                    new Details(null, answer.sources(), answer.incomplete(), null, null, null, null, null,
                            answer.screenGuidance(), null),
                    answer.route(), answer.experiment(), answer.variant());
        }
        if (metadata instanceof HumanReply reply) {
            return plain(new Details(null, null, null, null, reply.author(), Boolean.TRUE, reply.handoff(), null, null,
                    null));
        }
        if (metadata instanceof HoldingReply reply) {
            return plain(new Details(null, null, null, null, null, null, reply.handoff(), null, null, null));
        }
        if (metadata instanceof ScreenNotice notice) {
            return plain(new Details(null, null, null, null, null, null, null, null, notice.screenGuidance(),
                    notice.screenError()));
        }
        if (metadata instanceof HandoffNote note) {
            return plain(new Details(null, null, null, null, null, null, note.handoff(), null, null, null));
        }
        if (metadata instanceof ScreenShareNote note) {
            return plain(new Details(null, null, null, note.screenShare(), null, null, null, null, null, null));
        }
        ScreenshotNote note = (ScreenshotNote) metadata;
        return plain(new Details(null, null, null, null, null, null, null, note.screenshot(), null, null));
    }

    String detailsJson(Details details) {
        return json.writeValueAsString(details);
    }

    /** The message of a row of {@code messages}, with the customer's rating joined as {@code feedback_*}. */
    ChatMessage message(ResultSet rs) throws SQLException {
        Role role = Role.fromWireName(rs.getString("role"));
        String detailsJson = rs.getString("details");
        Details details = detailsJson == null ? Details.NONE : json.readValue(detailsJson, Details.class);
        MessageMetadata.Feedback feedback = rs.getString("feedback_rating") == null ? null
                : new MessageMetadata.Feedback(rs.getString("feedback_rating"), rs.getString("feedback_comment"),
                        rs.getObject("feedback_at", OffsetDateTime.class).toInstant());
        MessageMetadata metadata = switch (role) {
            case USER -> new CustomerMessage(rs.getObject("confusion_level", Double.class),
                    details.confusionSignals(), rs.getString("experiment"), rs.getString("variant"));
            case ASSISTANT -> reply(rs, details, feedback);
            case SYSTEM -> note(details);
        };
        return new ChatMessage(rs.getString("id"), rs.getString("content"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), metadata);
    }

    private static MessageMetadata reply(ResultSet rs, Details details, MessageMetadata.@Nullable Feedback feedback)
            throws SQLException {
        if (Boolean.TRUE.equals(details.human())) {
            return new HumanReply(details.author(), details.handoff(), feedback);
        }
        if (details.screenError() != null) {
            return new ScreenNotice(details.screenError(), details.screenGuidance(), feedback);
        }
        String provider = rs.getString("provider");
        if (provider == null) {
            return new HoldingReply(details.handoff(), feedback);
        }
        Integer totalTokens = rs.getObject("total_tokens", Integer.class);
        TokenUsage usage = totalTokens == null ? null
                : new TokenUsage(rs.getInt("prompt_tokens"), rs.getInt("completion_tokens"), totalTokens,
                        rs.getBoolean("tokens_estimated"));
        return new AiAnswer(provider, rs.getString("model"), rs.getObject("confusion_level", Double.class), usage,
                rs.getObject("fallback", Boolean.class), rs.getString("error"), rs.getObject("latency_ms", Long.class),
                details.sources(), details.incomplete(), rs.getString("route"), rs.getString("experiment"),
                rs.getString("variant"), feedback, details.screenGuidance());
    }

    private static MessageMetadata note(Details details) {
        if (details.screenshot() != null) {
            return new ScreenshotNote(details.screenshot());
        }
        if (details.screenShare() != null) {
            return new ScreenShareNote(details.screenShare());
        }
        if (details.handoff() != null) {
            return new HandoffNote(details.handoff());
        }
        throw new IllegalStateException("A system message that records neither a handoff, screen sharing nor a "
                + "screenshot");
    }

    private static Columns plain(Details details) {
        return new Columns(null, null, null, null, null, null, null, details, null, null, null);
    }
}
