package dev.supportassistant.screenshots.guidance;

import dev.supportassistant.screenshots.ScreenText;

/**
 * One place an answer points at on the customer's screen: the label as the answer names it, and
 * where OCR found it on the screenshot, in the screenshot's pixels.
 */
public record GuidanceStep(String label, ScreenText.Box box) {
}
