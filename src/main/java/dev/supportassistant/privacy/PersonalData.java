package dev.supportassistant.privacy;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Personal data in what customers type and show: where it stands in a text ({@link #find}), and a
 * {@link Masking} per turn that hides it from AI providers and puts it back in their answers
 * ({@link #newMasking()}). Everything runs offline, by patterns and checksums: card numbers (Luhn
 * and the networks' ranges), IBANs (iban4j), e-mail addresses, phone numbers (libphonenumber, with
 * {@code PII_PHONE_REGION} for numbers written without a country code), US social security
 * numbers, IPv4 and IPv6 addresses, labelled secrets and API keys. Names and street addresses are
 * not found: no pattern tells them apart from other words. See docs/security.md, "Personal data".
 *
 * <p>Thread-safe; one instance serves the whole service.
 */
@Component
public class PersonalData {

    private final Detector detector;
    private final boolean masking;
    private final boolean storeMasked;

    public PersonalData(PrivacySettings settings) {
        this.detector = new Detector(settings.phoneRegion());
        this.masking = settings.masking();
        this.storeMasked = settings.storeMasked();
    }

    /**
     * The text as the database keeps it: as written, or with {@code PII_STORE_MASKED=true} with every
     * piece of personal data replaced by a masked form that stands for it but does not hold it
     * ({@code •••• 1111} for a card, {@code [EMAIL]} for an e-mail address, see {@link #masked}).
     * Callers need not ask which setting is on.
     */
    public String forStorage(String text) {
        return storeMasked ? masked(text) : text;
    }

    /** Whether the database keeps customers' text masked ({@code PII_STORE_MASKED}). */
    public boolean storesMasked() {
        return storeMasked;
    }

    /**
     * The text with every piece of personal data replaced by a masked form that keeps nothing a
     * reader could use: a card's and a social security number's last four digits
     * ({@code •••• 1111}, {@code •••-••-6789}), {@code ••••••} for a secret, and the kind in brackets
     * for the rest ({@code [EMAIL]}, {@code [PHONE]}, {@code [IBAN]}, {@code [IP]}). Unlike a
     * {@link Masking}'s placeholders these carry no number: nothing restores them.
     */
    public String masked(String text) {
        List<Detection> found = detector.detect(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int written = 0;
        for (Detection detection : found) {
            masked.append(text, written, detection.start()).append(switch (detection.kind()) {
                case CARD, SSN, SECRET -> Masking.shownInstead(detection, "");
                case EMAIL, IBAN, IP, PHONE -> "[" + detection.kind().label() + "]";
            });
            written = detection.end();
        }
        return masked.append(text, written, text.length()).toString();
    }

    /**
     * Where personal data stands in a text, in text order, without overlaps: for hiding it
     * elsewhere than in text sent to a provider, such as the OCR word boxes of a screenshot. It
     * finds whether or not {@code PII_MASKING} is on; callers that hide data check
     * {@link PrivacySettings#masking()}. Find in a whole line, not word by word: a card number is
     * often four OCR words.
     */
    public List<PersonalDataMatch> find(String text) {
        return detector.detect(text).stream()
                .map(detection -> new PersonalDataMatch(detection.kind(), detection.start(), detection.end()))
                .toList();
    }

    /**
     * A masking for one turn of a conversation. With {@code PII_MASKING=false} it masks nothing
     * and restores nothing, so that callers need not ask.
     */
    public Masking newMasking() {
        return masking ? new Masking(detector::detect) : new Masking(text -> List.of());
    }
}
