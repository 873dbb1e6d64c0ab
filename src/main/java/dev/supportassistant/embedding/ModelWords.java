package dev.supportassistant.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/**
 * The words the embedding model's tokenizer holds whole: about twenty thousand common English
 * words among its 30,522 WordPiece entries. A word it holds whole is a word, not a typo ("real",
 * "three", "whole", "black"), however close it is to a word of the help articles ("read",
 * "there", "while", "block"); a misspelling ("pasword", "cancle") is split into pieces. This is
 * what lets spelling correction leave correct words alone without a dictionary of its own. The
 * tokenizer is the model's own (the langchain4j jar's), loaded once on first use.
 */
public final class ModelWords {

    private static @Nullable ModelWords shared;

    private final HuggingFaceTokenizer tokenizer;

    private ModelWords() {
        try (InputStream vocabulary = MiniLmModel.resource(MiniLmModel.TOKENIZER)) {
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the bundled tokenizer", unreadable);
        }
    }

    /** The JVM's one instance (the tokenizer takes a few tens of milliseconds to load). */
    public static synchronized ModelWords shared() {
        if (shared == null) {
            shared = new ModelWords();
        }
        return shared;
    }

    /** Whether the model holds the word (letters only, any case) as one whole token. */
    public boolean contains(String word) {
        Encoding encoding = tokenizer.encode(word.toLowerCase(Locale.ROOT), false, false);
        return encoding.getIds().length == 1 && !"[UNK]".equals(encoding.getTokens()[0]);
    }
}
