package dev.supportassistant.agent;

import java.util.List;

/**
 * What the customer's screen showed last: an image for a model that can see (scaled down to what
 * vision models read), the text read from it for one that cannot, and the short labels on it
 * (buttons, links, menu items, messages) so that an answer can name them exactly as the screen
 * spells them, which is what lets the reply point at them ({@code screen_guidance}).
 *
 * @param bytes the encoded image: with {@code PII_MASKING} on, the copy with the personal data OCR
 *     found on it filled black (the screenshots module makes it when the screenshot is shared)
 * @param mimeType its type, e.g. {@code image/png}
 * @param text the text OCR read on it; blank when it read none. As read: the dispatcher masks it
 *     with the rest of the request
 * @param labels the labels on it, in reading order; none when the screenshot is older than the
 *     guidance window ({@code SCREEN_GUIDANCE_MINUTES}), since the customer's screen has likely moved on.
 *     Read from the customer's screen like {@code text}: whatever masks {@code text} masks these
 *     too ({@link #withTexts})
 */
public record ScreenImage(byte[] bytes, String mimeType, String text, List<String> labels) {

    public ScreenImage {
        text = text == null ? "" : text.strip();
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A screen without labels to name. */
    public ScreenImage(byte[] bytes, String mimeType, String text) {
        this(bytes, mimeType, text, List.of());
    }

    /** The same image with its text and labels replaced (masked ones, say). */
    public ScreenImage withTexts(String newText, List<String> newLabels) {
        return new ScreenImage(bytes, mimeType, newText, newLabels);
    }

    /** The screen in words, for a model that is sent no image. */
    String asText() {
        return text.isEmpty() ? "(The customer shared a screenshot; no text could be read on it.)"
                : "(Text on the customer's latest screenshot:\n" + text + "\n)";
    }
}
