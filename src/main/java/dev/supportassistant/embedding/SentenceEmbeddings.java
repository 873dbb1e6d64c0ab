package dev.supportassistant.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Turns text into unit-length 384-dimensional vectors with all-MiniLM-L6-v2 (its int8 build), whose
 * ONNX model ships inside its jar: no download, no network, no GPU. Similar meanings give vectors with a
 * high cosine similarity, which for unit vectors is their dot product. Thread-safe. Returned
 * vectors are shared with a small cache of recent texts: read them, never modify them.
 */
@Component
public class SentenceEmbeddings {

    public static final int DIMENSIONS = 384;
    /**
     * The model these vectors come from, stored beside vectors kept in the database: a vector of
     * another model is not comparable with these, and is computed again from its text.
     */
    public static final String MODEL = "all-MiniLM-L6-v2 int8";

    /** Recent texts: a customer turn is embedded for the knowledge search and again for confusion detection. */
    private static final int CACHED_TEXTS = 1024;
    /** How long a text waits for its turn at the loaded model before the request is answered 503. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** How many texts may wait for the model at once; a request beyond that is answered 503 at once. */
    static final int MAX_WAITING = 2000;
    /**
     * Runs in progress at once: one per processor. With one run at a time on 2 cores the model got
     * too small a share of the processors in a burst, the service's other threads outnumbering it
     * (2,000 concurrent chats: 11.6 s, some refused after waiting 10 s; with two: 9.6 s, none).
     */
    private static final int RUNS_AT_ONCE = Runtime.getRuntime().availableProcessors();

    /**
     * The model, loading in the background from the moment the first instance is created, while
     * the rest of the application starts (loading it from the start of {@code main} was tried:
     * it slowed the context's start more than it saved, bench/RESULTS.md).
     */
    private final CompletableFuture<MiniLmModel> loading;
    private final EmbeddingQueue queue;
    /** Texts {@link #prepare}d and not yet computed; as bounded as the queue they wait in. */
    private final Map<String, EmbeddingQueue.Waiting> underWay = new ConcurrentHashMap<>();
    private final Map<String, float[]> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_TEXTS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > CACHED_TEXTS;
                }
            });

    public SentenceEmbeddings() {
        this(MiniLmModel.shared(), MAX_WAIT);
    }

    /** @param maxWait how long a text waits for its turn at the loaded model */
    SentenceEmbeddings(CompletableFuture<MiniLmModel> loading, Duration maxWait) {
        this.loading = loading;
        this.queue = new EmbeddingQueue(texts -> model().embedTogether(texts), RUNS_AT_ONCE, MAX_WAITING, maxWait);
    }

    /**
     * Stops taking texts. A context closed while the model still loads waits for it: the process
     * may be about to exit, and the ONNX runtime crashes if it exits while a model loads (see
     * {@link MiniLmModel}).
     */
    @PreDestroy
    void close() {
        queue.close();
        loading.exceptionally(failure -> null).join();
    }

    /** Texts waiting for the model (an estimate, for metrics). */
    public int waiting() {
        return queue.waiting();
    }

    /** The text's vector; the same text asked for again soon (same turn, earlier turns) costs nothing. */
    public float[] embed(String text) {
        float[] cached = recent.get(text);
        if (cached != null) {
            return cached;
        }
        EmbeddingQueue.Waiting prepared = underWay.get(text);
        if (prepared != null) {
            // Its deadline counts from when it was prepared, as if this caller had asked then.
            float[] vector = prepared.vector();
            return recent.computeIfAbsent(text, computed -> normalized(vector));
        }
        float[] vector = embedUncached(text);
        recent.put(text, vector);
        return vector;
    }

    /**
     * Starts computing the text's vector and returns at once, so that a later {@link #embed} of the
     * same text, on any thread, finds it under way or done: a turn embeds its message while it does
     * what needs no vector. Never refuses: a text the queue has no room for now waits for that
     * {@code embed}. The vector is computed and cached even when no {@code embed} comes.
     */
    public void prepare(String text) {
        if (!loading.isDone() || recent.containsKey(text) || underWay.containsKey(text)) {
            return;
        }
        EmbeddingQueue.Waiting waiting;
        try {
            waiting = queue.submit(text);
        } catch (EmbeddingsBusyException busy) {
            return;
        }
        underWay.put(text, waiting);
        waiting.whenDone().whenComplete((vector, failed) -> {
            if (vector != null) {
                recent.computeIfAbsent(text, computed -> normalized(vector));
            }
            underWay.remove(text, waiting);
        });
    }

    /** Vectors for many texts, the uncached ones computed together. */
    public List<float[]> embedAll(List<String> texts) {
        Map<String, float[]> vectors = new HashMap<>();
        for (String text : texts) {
            float[] cached = recent.get(text);
            if (cached != null) {
                vectors.put(text, cached);
            }
        }
        List<String> missing = texts.stream().filter(text -> !vectors.containsKey(text)).distinct().toList();
        if (!missing.isEmpty()) {
            model();
            List<float[]> computed = queue.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                float[] vector = normalized(computed.get(i));
                vectors.put(missing.get(i), vector);
                recent.put(missing.get(i), vector);
            }
        }
        return texts.stream().map(vectors::get).toList();
    }

    MiniLmModel model() {
        return loading.join();
    }

    /**
     * The model runs as texts arrive, several waiting texts in one run ({@link EmbeddingQueue}):
     * virtual threads would otherwise let every waiting request run the model at once, and a burst
     * would slow all of them down together instead of finishing them one after another.
     *
     * <p>Texts join the queue only once the model has loaded: the queue's time limit is for a busy
     * model, and at start-up on a busy machine the load alone can take longer (the background
     * embedding of the confusion analyzer's examples then failed for good, and every chat with it).
     */
    private float[] embedUncached(String text) {
        model();
        return normalized(queue.embed(List.of(text)).get(0));
    }

    /** Cosine similarity of two vectors from this class (unit length): -1.0 to 1.0. */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** A vector as bytes for storage (little-endian floats). */
    public static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private static float[] normalized(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
