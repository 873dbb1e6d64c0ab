package dev.supportassistant.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.web.Printable;

/**
 * A customer's rating of an assistant's message.
 *
 * @param rating {@code up} or {@code down}
 * @param comment what they want to say about it; optional
 */
record FeedbackRequest(@NotBlank @Size(max = 16) @Printable String rating,
        @Size(max = 2000) @Printable(lines = true) @Nullable String comment) {
}
