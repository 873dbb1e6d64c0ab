package dev.supportassistant.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * all-MiniLM-L6-v2 (the ONNX model and tokenizer bundled in langchain4j's jar), run with two threads
 * per call that sleep rather than spin while they wait for work. The library's own session uses
 * every core per call and spin-waits: fastest for one call on an idle machine, but with several
 * requests embedding at once, and the rest of the service wanting the same cores, the spinning
 * threads take the processors from everything else. Measured on 2 cores (bench/RESULTS.md, texts
 * per second with two calls at a time): library session 363, this one 421; one call alone 2.3 ms
 * with the library's, 3.1 ms with this one. {@link SentenceEmbeddings} lets as many calls run at
 * once as there are processors.
 *
 * <p>One model serves the whole JVM ({@link #shared()}), like the library's own: it is immutable
 * and thread-safe, and loading it is the only ONNX call that must not overlap the JVM's exit. The
 * ONNX runtime releases its environment in a shutdown hook of its own, which runs alongside every
 * other hook, and a session being created at that moment crashes the JVM (SIGSEGV, exit code 134;
 * onnxruntime issue 31352). Loaded once, the window is a second early in the process; loaded by
 * every application context, as tests start many, it was open whenever one had just started. Runs of a loaded session during exit were tried and do not crash.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    private static final int THREADS_PER_CALL = 2;

    private static CompletableFuture<MiniLmModel> shared;

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

    MiniLmModel() {
        // Several texts of one call are embedded one after another on the caller's thread.
        super(Runnable::run);
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(THREADS_PER_CALL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the bundled embedding model", unreadable);
        } catch (OrtException broken) {
            throw new IllegalStateException("Cannot load the bundled embedding model", broken);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return SentenceEmbeddings.DIMENSIONS;
    }

    private static InputStream resource(String name) {
        InputStream stream = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("The embedding model's jar lacks " + name);
        }
        return stream;
    }
}
