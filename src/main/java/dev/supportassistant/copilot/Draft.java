package dev.supportassistant.copilot;

import java.util.List;

/**
 * A reply the AI drafted for a support person: nothing is stored or sent.
 *
 * @param provider the provider that wrote it ({@code local}: the offline agent, from the help articles)
 * @param fallback true when the chosen provider failed and another one (at last {@code local}) wrote it
 * @param sources the help passages the draft was written from
 */
public record Draft(String text, List<Source> sources, String provider, boolean fallback) {

    /** A help passage a draft used. */
    public record Source(String title, String section, String chunkId) {
    }
}
