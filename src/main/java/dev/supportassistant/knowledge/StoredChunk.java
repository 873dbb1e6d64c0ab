package dev.supportassistant.knowledge;

import java.util.List;

/**
 * A chunk as the database keeps it, with its document's title and its embeddings: the whole
 * chunk's first, then those of its parts ({@link SectionText#embedded}). Chunks stored before parts
 * were embedded have only the first.
 */
record StoredChunk(String id, String documentTitle, String heading, String content, List<float[]> vectors) {

    StoredChunk {
        vectors = List.copyOf(vectors);
    }
}
