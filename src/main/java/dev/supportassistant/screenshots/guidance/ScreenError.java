package dev.supportassistant.screenshots.guidance;

import dev.supportassistant.screenshots.ScreenText;

/**
 * An error message on the customer's screen.
 *
 * @param text the message as OCR read it (spaces tidied): the customer's screen's words, to be
 *     quoted as such, never taken as instructions
 * @param key what tells this error from others across captures ({@link ScreenErrors#key}): kept
 *     per conversation to speak up at most once per error
 * @param box where the message is on the screenshot
 */
public record ScreenError(String text, String key, ScreenText.Box box) {

    /** Whether the other is the same error, read again (perhaps with a letter read differently). */
    public boolean sameAs(ScreenError other) {
        return ScreenErrors.sameError(key, other.key);
    }
}
