package dev.supportassistant.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.handoff.SupportDesk;

/**
 * One message of a conversation as the desk shows it, its author told apart: the customer, the AI
 * assistant, a support agent (or the service's holding reply), or a system note (handoff steps,
 * screen sharing, screenshots). A note about something the customer wrote (their reason for asking
 * for a person, the text read on their screenshot) says what happened in the service's words and
 * quotes the customer's apart ({@code quote}): written into the note, they could pass for more of it.
 *
 * @param kind {@code customer}, {@code ai}, {@code agent} or {@code system}: the style and the label
 * @param author who wrote it, in words ("Customer", "AI assistant", "bob (agent)", "System")
 * @param details what staff want to know besides the text: provider and model, confusion, fallbacks
 * @param screenshotPath where the desk serves the screenshot this note records, when it records one, or
 *     the screenshot a reply points at, with the places marked ({@code ?guidance=})
 * @param screenshotText the text read on that screenshot, when some was read
 * @param screenshotWidth its width in pixels, so that the page keeps its place before the image
 *     loads (a lazy image of no size grows later and pushes the newest messages out of view); 0 when unknown
 * @param screenshotHeight its height in pixels; 0 when unknown
 * @param quoteLabel whose words {@code quote} is, in words, when there is one
 * @param quote the customer's words that a system note is about
 * @param why what made a customer's message look confused (the confusion signals), folded away on the page
 * @param html an AI answer's Markdown as sanitised HTML ({@link AnswerMarkdown}); absent for every other author
 */
record HistoryEntry(String id, String kind, String author, String content, Instant timestamp, List<String> details,
        @Nullable String screenshotPath, @Nullable String screenshotText, int screenshotWidth, int screenshotHeight,
        boolean screenShareStarted, @Nullable String quoteLabel, @Nullable String quote, @Nullable String why,
        @Nullable String html) {

    static HistoryEntry of(ChatMessage message) {
        MessageMetadata meta = message.metadata();
        List<String> details = new ArrayList<>();
        String kind;
        String author;
        String content = message.content();
        String quoteLabel = null;
        String quote = null;
        MessageMetadata.Screenshot shot = null;
        boolean screenShareStarted = false;
        List<MessageMetadata.ScreenGuidance> guidance = null;
        String why = null;
        String html = null;
        if (meta instanceof MessageMetadata.CustomerMessage customer) {
            kind = "customer";
            author = "Customer";
            if (customer.confusionLevel() != null) {
                details.add("confusion %.2f".formatted(customer.confusionLevel()));
                why = customer.confusionSignals() == null || customer.confusionSignals().isEmpty() ? null
                        : String.join("; ", customer.confusionSignals());
            }
        } else if (meta instanceof MessageMetadata.HumanReply reply) {
            kind = "agent";
            author = reply.author() == null ? "Support agent" : reply.author() + " (agent)";
        } else if (meta instanceof MessageMetadata.HoldingReply reply) {
            kind = "ai";
            author = reply.handoff() != null ? "AI assistant (holding reply)" : "AI assistant";
        } else if (meta instanceof MessageMetadata.AiAnswer answer) {
            kind = "ai";
            author = "AI assistant";
            html = AnswerMarkdown.html(message.content());
            details.add(answer.provider() + (answer.model() == null ? "" : " · " + answer.model()));
            if (Boolean.TRUE.equals(answer.fallback())) {
                details.add("fallback" + (answer.error() == null ? "" : ": " + answer.error()));
            }
            guidance = answer.screenGuidance();
        } else if (meta instanceof MessageMetadata.ScreenNotice notice) {
            kind = "ai";
            author = "AI assistant (watching the screen)";
            quoteLabel = "The error as read on the customer's screen:";
            quote = notice.screenError();
            guidance = notice.screenGuidance();
        } else {
            kind = "system";
            author = "System";
            // The service's words come from the note's metadata, not its stored text, which holds the
            // customer's words too in notes of earlier versions.
            if (meta instanceof MessageMetadata.ScreenshotNote note) {
                shot = note.screenshot();
                boolean read = shot.ocrText() != null && !shot.ocrText().isBlank();
                content = read ? "The customer shared a screenshot."
                        : "The customer shared a screenshot (no text could be read on it).";
                quoteLabel = read ? "Text read on the screenshot (the customer's content):" : null;
                quote = read ? shot.ocrText() : null;
            } else if (meta instanceof MessageMetadata.HandoffNote note
                    && SupportDesk.reasonInCustomersWords(note.handoff().cause(), note.handoff().reason())) {
                content = withoutReason(message.content(), note.handoff().reason());
                quoteLabel = "The customer's reason, in their words:";
                quote = note.handoff().reason();
            } else if (meta instanceof MessageMetadata.ScreenShareNote note) {
                screenShareStarted = "started".equals(note.screenShare().event());
            }
        }
        if (guidance != null && !guidance.isEmpty()) {
            // The reply's places, marked on the screenshot they are on, beside it.
            details.add("points at " + String.join(", ", guidance.stream().map(step -> "\"" + step.label() + "\"")
                    .toList()));
            return new HistoryEntry(message.id(), kind, author, content, message.timestamp(), details,
                    screenshotPath(guidance.get(0).screenshotUrl()) + "?guidance=" + message.id(), null, 0, 0,
                    false, quoteLabel, quote, why, html);
        }
        return new HistoryEntry(message.id(), kind, author, content, message.timestamp(), details,
                shot == null ? null : screenshotPath(shot.url()), shot == null ? null : shot.ocrText(),
                shot == null ? 0 : Math.max(0, shot.width()), shot == null ? 0 : Math.max(0, shot.height()),
                screenShareStarted, quoteLabel, quote, why, html);
    }

    /** A handoff note without the customer's reason, which notes stored by earlier versions end with. */
    static String withoutReason(String note, String reason) {
        String written = ": " + reason;
        return note.endsWith(written) ? note.substring(0, note.length() - written.length()) + "." : note;
    }

    /** {@code /uploads/<name>} (the API's, for bearer tokens) as the desk serves it to a signed-in session. */
    static String screenshotPath(String url) {
        return "/desk/screenshots/" + url.substring(url.lastIndexOf('/') + 1);
    }
}
