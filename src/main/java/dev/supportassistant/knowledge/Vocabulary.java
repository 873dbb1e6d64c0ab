package dev.supportassistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;

import dev.supportassistant.embedding.ModelWords;

/**
 * The words of one knowledge-base revision, and customers' misspellings corrected against them:
 * "cancle my subscribtion" is searched as "cancel my subscription", by the words and by meaning
 * alike, so a typo neither hides the right section nor makes a support question look off-topic.
 * Lucene's {@link DirectSpellChecker} (Levenshtein automata over an in-memory index of the
 * chunks) finds the nearest word the articles use. Only words that are no words are corrected:
 * not the articles' own (in any inflection), and not a word the embedding model knows whole
 * ({@link ModelWords}), so "the real problem is" is not read as "the read problem is". Immutable
 * once built; thread-safe.
 */
final class Vocabulary {

    private static final String FIELD = "words";
    /** Letters only: codes ({@code E1002}, {@code 0x80070005}) and numbers are never corrected. */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}'’])\\p{L}+(?![\\p{L}\\p{N}'’])");
    /** Words shorter than this are left as typed: too many words are one letter away from them. */
    static final int MIN_LENGTH = 4;
    /**
     * Longer "words" are left as typed: no word of a help article is this long, and the automaton
     * that a lookup builds grows with the word (a pasted token of thousands of letters).
     */
    static final int MAX_LENGTH = 40;
    /**
     * How close the suggestion must be, as 1 - edits / length of the shorter word: one mistake in
     * a word of four letters or more, two in a word of eight or more.
     */
    static final float ACCURACY = 0.75f;
    static final int TWO_MISTAKES_LENGTH = 8;
    /** At most this many words of one message are looked up; a long message's later words stay. */
    static final int MAX_LOOKUPS = 40;

    private final ModelWords words = ModelWords.shared();
    /** The articles' search terms, so an inflection of their word ("reinstalled") is no typo. */
    private final Set<String> terms;
    private final DirectoryReader reader;
    /** One mistake for most words; two only from {@link #TWO_MISTAKES_LENGTH} letters on (a larger automaton). */
    private final DirectSpellChecker oneMistake = checker(1);
    private final DirectSpellChecker twoMistakes = checker(2);

    Vocabulary(List<String> texts) {
        this.terms = texts.stream().flatMap(text -> TextTerms.of(text).stream()).collect(Collectors.toUnmodifiableSet());
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // No stop words: "what", "want" and "your" are words of the articles, so never misspellings.
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(new StandardAnalyzer(CharArraySet.EMPTY_SET)))) {
            for (String text : texts) {
                Document document = new Document();
                document.add(new TextField(FIELD, text, Field.Store.NO));
                writer.addDocument(document);
            }
            writer.commit();
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            // A directory in memory does no I/O.
            throw new UncheckedIOException(e);
        }
    }

    private static DirectSpellChecker checker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinQueryLength(MIN_LENGTH);
        checker.setMaxQueryLength(MAX_LENGTH);
        checker.setAccuracy(ACCURACY);
        return checker;
    }

    /** The text with each misspelt word replaced by the word of the articles it stands for. */
    String corrected(String text) {
        Matcher matcher = WORD.matcher(text);
        StringBuilder corrected = new StringBuilder(text.length());
        int lookups = 0;
        while (matcher.find()) {
            String word = matcher.group();
            String replacement = word;
            if (word.length() >= MIN_LENGTH && word.length() <= MAX_LENGTH && lookups < MAX_LOOKUPS) {
                lookups++;
                replacement = known(word.toLowerCase(Locale.ROOT)).orElse(word);
            }
            matcher.appendReplacement(corrected, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(corrected);
        return corrected.toString();
    }

    private Optional<String> known(String word) {
        if (words.contains(word) || terms.contains(TextTerms.stem(word))) {
            return Optional.empty();
        }
        try {
            DirectSpellChecker checker = word.length() >= TWO_MISTAKES_LENGTH ? twoMistakes : oneMistake;
            SuggestWord[] suggestions = checker.suggestSimilar(new Term(FIELD, word), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            // "reinstalled" is near "reinstall": an inflection, which the words' side trims anyway.
            return suggestions.length == 0 || word.startsWith(suggestions[0].string) ? Optional.empty()
                    : Optional.of(suggestions[0].string);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
