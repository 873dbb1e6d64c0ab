/**
 * Customers rate the assistant's replies (thumbs up or down, with a comment): one rating a message,
 * shown with the message and counted in experiments' results; a question whose answer was rated
 * down is a knowledge gap.
 */
@ApplicationModule(allowedDependencies = {
        "conversation", "knowledge", "platform :: security", "platform :: web" })
@NullMarked
package dev.supportassistant.feedback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
