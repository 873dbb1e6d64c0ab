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

    public PersonalData(PrivacySettings settings) {
        this.detector = new Detector(settings.phoneRegion());
        this.masking = settings.masking();
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
