package dev.supportassistant.agent;

/**
 * What the customer's screen showed last: an image for a model that can see (scaled down to what
 * vision models read), and the text read from it for one that cannot.
 *
 * @param bytes the encoded image: with {@code PII_MASKING} on, the copy with the personal data OCR
 *     found on it filled black (the screenshots module makes it when the screenshot is shared)
 * @param mimeType its type, e.g. {@code image/png}
 * @param text the text OCR read on it; blank when it read none. As read: the dispatcher masks it
 *     with the rest of the request
 */
public record ScreenImage(byte[] bytes, String mimeType, String text) {

    public ScreenImage {
        text = text == null ? "" : text.strip();
    }

    /** The screen in words, for a model that is sent no image. */
    String asText() {
        return text.isEmpty() ? "(The customer shared a screenshot; no text could be read on it.)"
                : "(Text on the customer's latest screenshot:\n" + text + "\n)";
    }
}
