package dev.supportassistant.knowledge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A chunk as the database keeps it, with its document's title and its embeddings: the whole
 * chunk's first, then those of its parts ({@link SectionText#embedded}). Chunks stored before parts
 * were embedded have only the first. A web source's page has its {@code url}.
 */
record StoredChunk(String id, String documentTitle, String heading, String content, List<float[]> vectors,
        @Nullable String url) {

    StoredChunk {
        vectors = List.copyOf(vectors);
    }

    StoredChunk(String id, String documentTitle, String heading, String content, List<float[]> vectors) {
        this(id, documentTitle, heading, content, vectors, null);
    }
}
