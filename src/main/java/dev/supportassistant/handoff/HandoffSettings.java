package dev.supportassistant.handoff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When the assistant hands a conversation to a person by itself.
 *
 * @param onExplicitRequest {@code HANDOFF_ON_EXPLICIT_REQUEST}: when a customer's message asks for
 *     a person ("can I talk to a human")
 * @param afterConfusedTurns {@code HANDOFF_AFTER_CONFUSED_TURNS}: after this many consecutive
 *     customer turns at or above {@code CONFUSION_THRESHOLD}; 0 turns this rule off
 * @param deskHours {@code DESK_HOURS}: when people work at the desk ({@link DeskHours}); empty for always
 */
@Validated
@ConfigurationProperties("support.handoff")
record HandoffSettings(boolean onExplicitRequest, @Min(0) @Max(100) int afterConfusedTurns,
        @Nullable String deskHours) {
}
