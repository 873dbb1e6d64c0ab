package dev.supportassistant.privacy;

import java.util.List;

/**
 * Finds one kind of personal data in a text. Each finder is stateless and safe for any number of
 * threads; overlaps between finders are settled by {@link Detector}.
 */
interface Finder {

    /** Adds what it finds in the text to {@code found}, in any order. */
    void find(String text, List<Detection> found);
}
