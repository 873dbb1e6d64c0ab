package dev.supportassistant.screenshots.guidance;

import dev.supportassistant.screenshots.ScreenText;

/**
 * One place an answer points at on the customer's screen: the label as the answer names it (as the
 * screen spells it when they agree) and where it is on the screenshot, in its pixels.
 */
public record GuidanceStep(String label, ScreenText.Box box) {
}
