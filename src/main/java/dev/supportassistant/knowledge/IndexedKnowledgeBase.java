package dev.supportassistant.knowledge;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * The knowledge base as stored in the database, searched through an in-memory index. Before each
 * search the stored revision is compared with the index's (one primary-key read), so a document
 * added or deleted through any instance is searchable everywhere from the next question on.
 */
@Service
class IndexedKnowledgeBase implements KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(IndexedKnowledgeBase.class);

    /** The index of one stored revision, with the document titles at that revision. */
    private record Snapshot(long revision, SearchIndex index, List<String> topics) {
    }

    static final int MAX_TOPICS = 20;

    private final KnowledgeStore store;
    private final SentenceEmbeddings embeddings;
    private final KnowledgeSettings settings;
    private volatile Snapshot snapshot = new Snapshot(-1, new SearchIndex(List.of()), List.of());

    IndexedKnowledgeBase(KnowledgeStore store, SentenceEmbeddings embeddings, KnowledgeSettings settings) {
        this.store = store;
        this.embeddings = embeddings;
        this.settings = settings;
    }

    @Override
    public List<KnowledgePassage> search(String query, int limit) {
        if (!settings.enabled() || query.isBlank()) {
            return List.of();
        }
        return current().index().search(query, embeddings, limit);
    }

    @Override
    public List<String> topics() {
        // With retrieval off, documents left from an earlier run are nothing the assistant answers from.
        return settings.enabled() ? current().topics() : List.of();
    }

    private Snapshot current() {
        long revision = store.revision();
        Snapshot current = snapshot;
        if (current.revision() == revision) {
            return current;
        }
        synchronized (this) {
            if (snapshot.revision() != revision) {
                List<StoredChunk> chunks = store.chunks();
                // A site of hundreds of pages would make the customer's list of topics unreadable.
                List<String> topics = store.titles().stream().limit(MAX_TOPICS).toList();
                snapshot = new Snapshot(revision, new SearchIndex(chunks), topics);
                log.info("Knowledge base index: {} documents, {} chunks (revision {})", topics.size(), chunks.size(),
                        revision);
            }
            return snapshot;
        }
    }
}
