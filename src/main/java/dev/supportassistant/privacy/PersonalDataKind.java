package dev.supportassistant.privacy;

/**
 * The kinds of personal data the service finds, each with the label of its placeholders
 * ({@code [EMAIL_1]}) and whether an AI provider's answer gets the original back. Cards, social
 * security numbers and secrets are never shown again in full, not even to the customer who typed
 * them: the answer shows a masked form ({@code •••• 1111}) instead, so a reply that is forwarded,
 * read over a shoulder or shown on a shared screen does not carry them.
 *
 * <p>The kinds are declared in order of precedence: where two findings overlap (a labelled secret
 * that is an e-mail address, an IP address that libphonenumber would also read as a phone number),
 * the one of the earlier kind is kept.
 */
public enum PersonalDataKind {

    /** A labelled secret ("my password is …", "PIN: …") or an API key with a well-known prefix. */
    SECRET("SECRET", false),
    /** An e-mail address. */
    EMAIL("EMAIL", true),
    /** An IBAN whose check digits and national structure are valid. */
    IBAN("IBAN", true),
    /** A payment card number of a known network that passes the Luhn check. */
    CARD("CARD", false),
    /** A US social security number. */
    SSN("SSN", false),
    /** An IPv4 or IPv6 address. */
    IP("IP", true),
    /** A phone number, as libphonenumber reads it. */
    PHONE("PHONE", true);

    private final String label;
    private final boolean restored;

    PersonalDataKind(String label, boolean restored) {
        this.label = label;
        this.restored = restored;
    }

    /** @return the word in this kind's placeholders, e.g. {@code EMAIL} in {@code [EMAIL_1]} */
    public String label() {
        return label;
    }

    /** @return whether a provider's answer gets the original value back in place of the placeholder */
    public boolean restored() {
        return restored;
    }
}
