package dev.supportassistant.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * all-MiniLM-L6-v2 (the ONNX model and tokenizer bundled in langchain4j's jar), each run on the
 * calling thread alone, and able to embed several texts in one run ({@link #embedTogether}).
 *
 * <p>The library's own session uses every core per call and spin-waits: fastest for one call on an
 * idle machine, but with several requests embedding at once, and the rest of the service wanting
 * the same cores, the spinning threads take the processors from everything else. Measured on 2
 * cores (bench/RESULTS.md, texts per second with two calls at a time): library session 363, two
 * threads per call that sleep instead of spinning 421. One thread per call does better still: the
 * queue already runs one call per core ({@link SentenceEmbeddings}), and a second thread per call
 * only adds waking it and waiting for it (service at 64 connections, jars in turn, four rounds:
 * 198 requests per second on average instead of 179, ahead in three rounds). The library embeds the texts of a call one after another; one run over several short
 * texts costs far less per text (2.6 ms alone, 1.3 ms in eights, 1.1 ms in sixteens).
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

    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    private static final int THREADS_PER_CALL = 1;
    /** Tokens the model reads at most, special ones included; longer texts are embedded in parts by the library. */
    private static final int MAX_TOKENS = 512;
    /**
     * Texts run together are padded to the longest. A text joins the run of shorter ones while it
     * is at most half as long again as the shortest, or at most this many tokens longer: padding a
     * few tokens costs less than a run of its own (about 1.4 ms per run, 0.08 ms per token).
     */
    private static final double MAX_PADDING_RATIO = 1.5;
    private static final int MAX_PADDING_TOKENS = 16;

    private static @Nullable CompletableFuture<MiniLmModel> shared;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
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
        // The library's path (long texts) embeds the texts of a call one after another on the caller's thread.
        super(Runnable::run);
        try (InputStream model = resource(MODEL)) {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(THREADS_PER_CALL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = environment.createSession(model.readAllBytes(), options);
            // The library's own tokenizer settings: no padding, special tokens added when encoding.
            try (InputStream vocabulary = resource(TOKENIZER)) {
                tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
            }
            try (InputStream vocabulary = resource(TOKENIZER)) {
                encoder = new OnnxBertBiEncoder(environment, session, vocabulary, PoolingMode.MEAN);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the bundled embedding model", unreadable);
        } catch (OrtException broken) {
            throw new IllegalStateException("Cannot load the bundled embedding model", broken);
        }
    }

    /**
     * The texts' vectors (not yet of unit length), in order, computing texts of similar length in
     * one run each. A text longer than the model reads, or blank, goes the library's way.
     */
    List<float[]> embedTogether(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        List<Tokens> fitting = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Encoding encoding = text.isBlank() ? null : tokenizer.encode(text, true, false);
            if (encoding == null || encoding.getIds().length > MAX_TOKENS) {
                vectors[i] = embed(text).content().vector();
            } else {
                fitting.add(new Tokens(i, encoding.getIds(), encoding.getTypeIds()));
            }
        }
        fitting.sort(Comparator.comparingInt(Tokens::length));
        int start = 0;
        while (start < fitting.size()) {
            int end = start + 1;
            int shortest = fitting.get(start).length();
            int widest = Math.max((int) (shortest * MAX_PADDING_RATIO), shortest + MAX_PADDING_TOKENS);
            while (end < fitting.size() && fitting.get(end).length() <= widest) {
                end++;
            }
            List<Tokens> run = fitting.subList(start, end);
            List<float[]> computed = run(run);
            for (int i = 0; i < run.size(); i++) {
                vectors[run.get(i).index()] = computed.get(i);
            }
            start = end;
        }
        return List.of(vectors);
    }

    /** Texts tokenized: their place in the caller's list, token ids and token types. */
    private record Tokens(int index, long[] ids, long[] types) {
        int length() {
            return ids.length;
        }
    }

    /** One model run over texts padded to the longest; each vector the mean of its own tokens' outputs. */
    private List<float[]> run(List<Tokens> texts) {
        int width = texts.stream().mapToInt(Tokens::length).max().orElseThrow();
        long[][] ids = new long[texts.size()][width];
        long[][] mask = new long[texts.size()][width];
        long[][] types = new long[texts.size()][width];
        for (int i = 0; i < texts.size(); i++) {
            Tokens text = texts.get(i);
            System.arraycopy(text.ids(), 0, ids[i], 0, text.length());
            System.arraycopy(text.types(), 0, types[i], 0, text.length());
            Arrays.fill(mask[i], 0, text.length(), 1L);
        }
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, ids);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, types);
                OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
                        "token_type_ids", typeTensor))) {
            float[][][] outputs = (float[][][]) result.get(0).getValue();
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                vectors.add(meanOfFirst(outputs[i], texts.get(i).length()));
            }
            return vectors;
        } catch (OrtException failed) {
            throw new IllegalStateException("The embedding model failed", failed);
        }
    }

    private static float[] meanOfFirst(float[][] tokenOutputs, int tokens) {
        float[] mean = new float[tokenOutputs[0].length];
        for (int t = 0; t < tokens; t++) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += tokenOutputs[t][d];
            }
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= tokens;
        }
        return mean;
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
        InputStream stream = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("The embedding model's jar lacks " + name);
        }
        return stream;
    }
}
