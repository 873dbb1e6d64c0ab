package dev.supportassistant.privacy;

/**
 * Where one piece of personal data stands in a text: its kind and the characters it spans. It
 * deliberately carries no copy of the value, so that a match can be passed around, counted or
 * logged without carrying the data itself; read the value from the text when it is needed.
 *
 * @param kind what was found
 * @param start the index of its first character
 * @param end the index after its last character
 */
public record PersonalDataMatch(PersonalDataKind kind, int start, int end) {
}
