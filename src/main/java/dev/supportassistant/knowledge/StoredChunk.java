package dev.supportassistant.knowledge;

/** A chunk as the database keeps it, with its document's title and its embedding. */
record StoredChunk(String id, String documentTitle, String heading, String content, float[] embedding) {
}
