package dev.supportassistant.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * Turns text into unit-length 384-dimensional vectors with all-MiniLM-L6-v2, whose ONNX model
 * ships inside its jar: no download, no network, no GPU. Similar meanings give vectors with a
 * high cosine similarity, which for unit vectors is their dot product. Thread-safe.
 */
@Component
public class SentenceEmbeddings {

    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    public float[] embed(String text) {
        return normalized(model.embed(text).content().vector());
    }

    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(embedding -> normalized(embedding.vector()))
                .toList();
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
