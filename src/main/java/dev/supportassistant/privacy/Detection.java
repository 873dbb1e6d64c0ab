package dev.supportassistant.privacy;

/**
 * One value a finder found: where it stands and the normalised value that tells two spellings of
 * it apart or not ({@code 4111 1111 1111 1111} and {@code 4111-1111-1111-1111} share one key; so do
 * e-mail addresses that differ in case only). Never logged: the key is the personal data itself.
 *
 * @param kind what was found
 * @param start the index of its first character in the text
 * @param end the index after its last character
 * @param key the value normalised, for telling repeated values apart
 */
record Detection(PersonalDataKind kind, int start, int end, String key) {

    boolean overlaps(Detection other) {
        return start < other.end && other.start < end;
    }
}
