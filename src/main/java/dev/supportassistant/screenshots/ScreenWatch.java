package dev.supportassistant.screenshots;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.platform.database.GroupCommit;
import dev.supportassistant.screenshots.guidance.GuidanceStep;
import dev.supportassistant.screenshots.guidance.ScreenError;
import dev.supportassistant.screenshots.guidance.ScreenErrors;
import dev.supportassistant.screenshots.guidance.ScreenLabels;

/**
 * Speaks up when a new error message appears on a customer's shared screen: one assistant message
 * ("I can see 'Error 502: Payment gateway timeout' on your screen…"), pointing at what the screen
 * offers to do about it ("Retry payment") when it offers something, at most once per error per
 * conversation. Which errors a conversation was told about is kept in {@code screen_errors_noticed},
 * so a restart forgets none, and its primary key decides between two instances that read the same
 * error at once: each claims the error's key in the transaction that stores the message, and the
 * one whose claim found the key taken stores nothing. Two captures in which OCR read the same
 * error slightly differently are one error ({@link ScreenErrors#sameError}).
 *
 * <p>The error's text is the customer's screen's words: quoted as such, cut to
 * {@code ScreenErrors}' 200 characters, never written into a log line.
 */
@Component
class ScreenWatch {

    /** The longest key kept (the column's width); keys are at most about as long as an error's 200 characters. */
    static final int MAX_KEY = 255;
    /** The first word of a control that is a first thing to try about an error. */
    private static final Set<String> FIRST_STEPS = Set.of("retry", "try", "reload", "refresh", "reconnect", "resend",
            "restart", "update", "sign", "log", "continue", "reset", "allow", "enable", "reinstall", "repair",
            "install", "upgrade", "renew", "verify", "confirm", "change", "fix", "check");

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final GroupCommit commits;

    ScreenWatch(JdbcClient jdbc, Conversations conversations, GroupCommit commits) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.commits = commits;
    }

    /**
     * Looks at a new capture of the conversation's screen: when it shows error messages the
     * conversation was not told about yet, stores (and so delivers live) one message about them.
     *
     * @param screenshot the capture's name ({@code /uploads/<name>})
     * @param url where it is fetched
     * @return the message posted, if one was
     */
    Optional<ChatMessage> look(String conversationId, String screenshot, String url, ScreenText screen) {
        List<ScreenError> errors = ScreenErrors.in(screen);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        List<String> known = knownKeys(conversationId);
        List<ScreenError> fresh = errors.stream()
                .filter(error -> known.stream().noneMatch(key -> ScreenErrors.sameError(error.key(), key)))
                .toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        return commits.run(() -> {
            String messageId = java.util.UUID.randomUUID().toString();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<ScreenError> claimed = new ArrayList<>();
            for (ScreenError error : fresh) {
                if (claim(conversationId, error.key(), messageId, now)) {
                    claimed.add(error);
                }
            }
            if (claimed.isEmpty()) {
                return Optional.<ChatMessage>empty();
            }
            ChatMessage message = notice(messageId, claimed, screen, screenshot, url);
            conversations.append(conversationId, message);
            return Optional.of(message);
        });
    }

    /** The message about these errors, pointing at the screen's first thing to try, if it shows one. */
    static ChatMessage notice(String messageId, List<ScreenError> errors, ScreenText screen, String screenshot,
            String url) {
        StringBuilder text = new StringBuilder("I can see '").append(errors.get(0).text()).append("' on your screen");
        if (errors.size() > 1) {
            text.append(" (and '").append(errors.get(1).text()).append("')");
        }
        text.append(". ");
        Optional<String> step = firstStep(errors, screen);
        List<GuidanceStep> steps = List.of();
        if (step.isPresent()) {
            String advice = "The screen offers \"" + step.get() + "\": that is the first thing to try, and I've "
                    + "marked it on your screenshot.";
            // Only the advice points: the error itself is quoted above, not something to click.
            steps = ScreenLabels.pointedAt(advice, screen);
            text.append(steps.isEmpty() ? "The screen offers \"" + step.get() + "\": that is the first thing to try."
                    : advice);
            text.append(" If it appears again after that, tell me what you were doing and I'll help you further.");
        } else {
            text.append("Tell me what you were doing when it appeared, and I'll help you sort it out.");
        }
        List<MessageMetadata.ScreenGuidance> guidance = steps.stream()
                .map(found -> ConversationScreenImages.guidance(found, screenshot, url)).toList();
        return new ChatMessage(messageId, text.toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                MessageMetadata.ScreenNotice.of(errors.get(0).text(), guidance));
    }

    /** The first control on the screen that is a first thing to try about an error ("Retry payment", "Try again"). */
    static Optional<String> firstStep(List<ScreenError> errors, ScreenText screen) {
        for (String label : ScreenLabels.visible(screen)) {
            String lower = label.toLowerCase(Locale.ROOT);
            String first = lower.split("[^\\p{L}]+", 2)[0];
            boolean anError = errors.stream().anyMatch(error -> error.text().toLowerCase(Locale.ROOT).contains(lower));
            if (FIRST_STEPS.contains(first) && !anError) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    private List<String> knownKeys(String conversationId) {
        return jdbc.sql("SELECT error_key FROM screen_errors_noticed WHERE conversation_id = :conversationId")
                .param("conversationId", conversationId)
                .query(String.class)
                .list();
    }

    /** Whether this instance claimed the error for the conversation (no one had, this one or another). */
    private boolean claim(String conversationId, String key, String messageId, Instant at) {
        return jdbc.sql("""
                INSERT INTO screen_errors_noticed (conversation_id, error_key, message_id, noticed_at)
                VALUES (:conversationId, :key, :messageId, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("conversationId", conversationId)
                .param("key", key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY))
                .param("messageId", messageId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }
}
