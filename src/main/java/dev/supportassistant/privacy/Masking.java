package dev.supportassistant.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The personal data of one conversation's turn, replaced by typed placeholders in everything sent
 * to an AI provider and put back in its answer. Create one per turn ({@link PersonalData#newMasking()}),
 * mask every text the provider will see with it (the history oldest first, the customer's message,
 * the help passages, OCR text), then restore the answer, or stream it through {@link #restoring()}.
 *
 * <p>The same value gets the same placeholder in every text of the turn, however it is written: a
 * card with spaces and the same card with dashes are {@code [CARD_1]}, e-mail addresses that differ
 * in case are one {@code [EMAIL_1]}. Placeholders are numbered per kind in the order their values
 * first appear, and nothing else: masking the same history in the same order on the next turn gives
 * the same placeholders again, so nothing needs storing between turns. (When the oldest messages
 * drop out of the history window the numbers shift, which is harmless: each turn's prompt and
 * answer use that turn's own numbering.)
 *
 * <p>Restoring puts back e-mail addresses, phone numbers, IP addresses and IBANs as the customer
 * wrote them. Card numbers, social security numbers and secrets are never put back: the answer
 * shows {@code •••• 1111}, {@code •••-••-6789} or {@code ••••••}. A placeholder this masking never
 * issued (one the model made up, or a customer typed) is left as it is: the answer then reads
 * {@code [EMAIL_7]}, which is visibly not a real value, rather than a guess at one.
 *
 * <p>Safe to use from several threads (its state is guarded), though a turn normally uses it from one.
 */
public final class Masking {

    private final Function<String, List<Detection>> detector;
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, String> shown = new HashMap<>();
    private final int[] issued = new int[PersonalDataKind.values().length];

    Masking(Function<String, List<Detection>> detector) {
        this.detector = detector;
    }

    /** @return the text with every piece of personal data in it replaced by its placeholder */
    public String mask(String text) {
        List<Detection> found = detector.apply(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int written = 0;
        synchronized (this) {
            for (Detection detection : found) {
                masked.append(text, written, detection.start())
                        .append(placeholder(detection, text.substring(detection.start(), detection.end())));
                written = detection.end();
            }
        }
        return masked.append(text, written, text.length()).toString();
    }

    /** @return the texts masked in the order given (which decides the placeholders' numbers) */
    public List<String> mask(List<String> texts) {
        List<String> masked = new ArrayList<>(texts.size());
        for (String text : texts) {
            masked.add(mask(text));
        }
        return masked;
    }

    /** @return the answer with the placeholders this masking issued replaced by what the customer may see */
    public String restore(String answer) {
        if (answer.indexOf('[') < 0) {
            return answer;
        }
        Matcher placeholder = Placeholders.WHOLE.matcher(answer);
        StringBuilder restored = null;
        int written = 0;
        synchronized (this) {
            while (placeholder.find()) {
                String replacement = shown.get(placeholder.group());
                if (replacement != null) {
                    if (restored == null) {
                        restored = new StringBuilder(answer.length() + 32);
                    }
                    restored.append(answer, written, placeholder.start()).append(replacement);
                    written = placeholder.end();
                }
            }
        }
        return restored == null ? answer : restored.append(answer, written, answer.length()).toString();
    }

    /** @return a restorer for an answer that arrives in pieces, for one answer */
    public StreamingRestorer restoring() {
        return new StreamingRestorer(this);
    }

    private String placeholder(Detection detection, String original) {
        return placeholders.computeIfAbsent(detection.kind().name() + ':' + detection.key(), key -> {
            String placeholder = Placeholders.of(detection.kind(), ++issued[detection.kind().ordinal()]);
            shown.put(placeholder, shownInstead(detection, original));
            return placeholder;
        });
    }

    /** What the customer sees where the placeholder stood: the value, or for some kinds a masked form. */
    static String shownInstead(Detection detection, String original) {
        String key = detection.key();
        return switch (detection.kind()) {
            case CARD -> "•••• " + key.substring(key.length() - 4);
            case SSN -> "•••-••-" + key.substring(key.length() - 4);
            case SECRET -> "••••••";
            case EMAIL, IBAN, IP, PHONE -> original;
        };
    }
}
