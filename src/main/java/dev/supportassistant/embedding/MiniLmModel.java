package dev.supportassistant.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 in its int8 build (the quantized ONNX model and tokenizer bundled in
 * langchain4j's {@code -q} jar), each text in a model run of its own on the calling thread alone:
 * the library's own encoder (tokenizer, mean pooling, long texts in parts) on a session of ours.
 *
 * <p>The int8 build embeds a short text in about a quarter of the full-precision model's time (1.0
 * to 2.1 ms against 4.0 to 5.1 ms here), with the same figures on every held-aside set but one
 * question of 60 (bench/RESULTS.md, issue 29 fifth session). Its activations are quantized with a
 * range taken over the whole run, so a text run together with others gets another vector (cosine
 * down to 0.97): each text runs alone, so that its vector depends on the text only; alone is no
 * slower per text than in runs of 8 or 16 with this model. The library's own session uses every core per call and
 * spin-waits, which takes the processors from the rest of the service under load: one thread per
 * call without spinning, the queue running one call per core ({@link SentenceEmbeddings}).
 *
 * <p>One model serves the whole JVM ({@link #shared()}), like the library's own: it is immutable
 * and thread-safe, and loading it is the only ONNX call that must not overlap the JVM's exit. The
 * ONNX runtime releases its environment in a shutdown hook of its own, which runs alongside every
 * other hook, and a session being created at that moment crashes the JVM (SIGSEGV, exit code 134;
 * onnxruntime issue 31352). Loaded once, the window is a second early in the process; loaded by
 * every application context, as tests start many, it was open whenever one had just started.
 * Runs of a loaded session during exit were tried and do not crash.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final int THREADS_PER_CALL = 1;
    private static @Nullable CompletableFuture<MiniLmModel> shared;

    private final OnnxBertBiEncoder encoder;

    /**
     * The JVM's one model. The first call starts loading it (about a second of processor time) on
     * a thread of its own; callers wait on the future when they need it. The thread is not a
     * daemon: a JVM that ends because the application failed to start waits for the load to
     * finish rather than crash in the ONNX runtime on its way out.
     */
    static synchronized CompletableFuture<MiniLmModel> shared() {
        if (shared == null) {
            shared = CompletableFuture.supplyAsync(MiniLmModel::new,
                    task -> new Thread(task, "embedding-model-loader").start());
        }
        return shared;
    }

    private MiniLmModel() {
        // The library embeds the texts of a call one after another, on the caller's thread.
        super(Runnable::run);
        try (InputStream model = resource(MODEL); InputStream vocabulary = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(THREADS_PER_CALL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            encoder = new OnnxBertBiEncoder(environment, session, vocabulary, PoolingMode.MEAN);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the bundled embedding model", unreadable);
        } catch (OrtException broken) {
            throw new IllegalStateException("Cannot load the bundled embedding model", broken);
        }
    }

    /** The texts' vectors, in order, each text in a model run of its own. */
    List<float[]> embedTogether(List<String> texts) {
        return texts.stream().map(text -> embed(text).content().vector()).toList();
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return SentenceEmbeddings.DIMENSIONS;
    }

    static InputStream resource(String name) {
        InputStream stream = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("The embedding model's jar lacks " + name);
        }
        return stream;
    }
}
