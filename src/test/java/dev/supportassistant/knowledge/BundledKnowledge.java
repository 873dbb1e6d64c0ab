package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.List;

import dev.supportassistant.RememberedEmbeddings;
import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * The bundled starter articles in an in-memory knowledge base, indexed exactly as the service
 * indexes them (same chunking, same embedding model, same hybrid search) but without a database,
 * for fast tests of search and of the agents that answer from it. Built once per test run.
 */
public final class BundledKnowledge implements KnowledgeBase {

    private static BundledKnowledge instance;

    private final SentenceEmbeddings embeddings;
    private final SearchIndex index;
    private final List<String> topics;

    private BundledKnowledge() {
        embeddings = RememberedEmbeddings.create();
        List<StoredChunk> chunks = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (KnowledgeFolder.SourceFile file : new KnowledgeFolder(new KnowledgeSettings(true, null)).read()) {
            HelpArticle article = HelpArticle.parse(DocumentLibrary.slug(file.name()), file.text());
            titles.add(article.title());
            for (HelpArticle.Chunk chunk : article.chunks()) {
                chunks.add(new StoredChunk(article.slug() + "#" + chunk.position(), article.title(), chunk.heading(),
                        chunk.text(), embeddings.embedAll(DocumentLibrary.embeddedTexts(article, chunk))));
            }
        }
        index = new SearchIndex(chunks);
        topics = titles.stream().sorted().toList();
    }

    public static synchronized BundledKnowledge get() {
        if (instance == null) {
            instance = new BundledKnowledge();
        }
        return instance;
    }

    public SentenceEmbeddings embeddings() {
        return embeddings;
    }

    @Override
    public List<KnowledgePassage> search(String query, int limit) {
        return index.search(query, embeddings, limit);
    }

    /** The search without embedding the query: what scoring the chunks costs. */
    public List<KnowledgePassage> search(String query, float[] queryEmbedding, int limit) {
        return index.search(query, queryEmbedding, limit);
    }

    /** The message with its misspelt words corrected, as the search reads it: what spelling costs. */
    public String corrected(String message) {
        return index.corrected(message);
    }

    /** How many texts the bundled articles embed at ingestion (chunks and their parts). */
    public int embeddedTexts() {
        return index.embeddedTexts();
    }

    @Override
    public List<String> topics() {
        return topics;
    }
}
