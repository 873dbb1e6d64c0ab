/**
 * Screenshots customers share from their screens: read with offline OCR (Tesseract), stored
 * privately with their conversation, and shown to vision models with the next turn; the places on
 * them replies point at, drawn on request, and the new error messages on them, spoken up about once
 * (screen guidance, {@code guidance}).
 */
@ApplicationModule(allowedDependencies = {
        "agent", "chat", "conversation", "platform :: database", "platform :: engines", "platform :: ratelimit",
        "platform :: security", "platform :: web", "privacy" })
@NullMarked
package dev.supportassistant.screenshots;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
