/**
 * Screenshots customers share from their screens: read with offline OCR (Tesseract), stored
 * privately with their conversation, and shown to vision models with the next turn.
 */
@ApplicationModule(allowedDependencies = {
        "agent", "chat", "conversation", "platform :: engines", "platform :: ratelimit",
        "platform :: security", "platform :: web", "privacy" })
@NullMarked
package dev.supportassistant.screenshots;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
