package dev.supportassistant.agent;

/**
 * What the customer's screen showed last: an image for a model that can see (scaled down to what
 * vision models read), and the text read from it for one that cannot.
 *
 * @param bytes the encoded image
 * @param mimeType its type, e.g. {@code image/png}
 * @param text the text OCR read on it; blank when it read none
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
