package dev.supportassistant.chat;

import java.util.regex.Pattern;

/**
 * Whether an answer asks the customer to share their screen, so the frontend opens its panel even
 * when the model offered it on its own, without the confusion score asking it to.
 */
final class ScreenSharePhrases {

    private static final Pattern OFFER = Pattern.compile(
            "\\bshar(e|ing)\\s+(your|the|my)\\s+screen\\b|\\bscreen[\\s-]?shar(e|ing)\\b", Pattern.CASE_INSENSITIVE);

    private ScreenSharePhrases() {
    }

    static boolean isIn(String answer) {
        return answer != null && OFFER.matcher(answer).find();
    }
}
