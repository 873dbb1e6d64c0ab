package dev.supportassistant.feedback;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.web.Printable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A customer's rating of a conversation.
 *
 * @param score 1 (bad) to 5 (very good); checked by {@link ConversationRatings}, which says what is wrong
 * @param comment optional, at most 2,000 characters
 */
record RatingRequest(@JsonDeserialize(using = WholeScore.class) @Nullable Integer score,
        @Size(max = 2000) @Printable(lines = true) @Nullable String comment) {

    /**
     * Reads the score only from a JSON whole number. Jackson would otherwise read {@code 4.5} as 4
     * and {@code "4"} as 4, storing a rating the customer never gave; anything else is refused as
     * of the wrong type. A whole number too large for an int is read as out of range, so the
     * refusal says the range rather than a type.
     */
    static final class WholeScore extends ValueDeserializer<Integer> {

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Integer) context.handleUnexpectedToken(Integer.class, parser);
            }
            if (parser.getNumberType() != JsonParser.NumberType.INT) {
                return parser.getBigIntegerValue().signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            }
            return parser.getIntValue();
        }
    }
}
