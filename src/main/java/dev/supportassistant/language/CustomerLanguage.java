package dev.supportassistant.language;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Tells the language of a customer's message, offline, by Lingua: English, Spanish, German or
 * French, the languages the service's texts exist in. Lingua runs with these four languages' models
 * only and in its low-accuracy mode (trigrams): measured, about 4 MB of heap and 1 s at start,
 * against 109 MB and 4 to 6 s for its high-accuracy mode (bench/RESULTS.md). That mode is unsure of
 * very short texts, so a message of fewer than {@link #MIN_WORDS} words, or one Lingua cannot tell
 * apart clearly, has no language: the caller keeps to English.
 */
@Component
public class CustomerLanguage {

    /** The languages detected, in the service's order of preference. */
    public static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.GERMAN,
            Locale.FRENCH);
    static final int MIN_WORDS = 3;
    /**
     * How clearly the best language must lead the next: at 0.1, 3 of the 330 English evaluation
     * questions of three words or more are taken for another language (10 at 0.05) and 20 of 20
     * Spanish, German and French support questions are told right (bench/RESULTS.md).
     */
    static final double MIN_DISTANCE = 0.1;
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Map<Language, Locale> LOCALES = Map.of(Language.ENGLISH, SPOKEN.get(0),
            Language.SPANISH, SPOKEN.get(1), Language.GERMAN, SPOKEN.get(2), Language.FRENCH, SPOKEN.get(3));

    private final LanguageDetector detector = LanguageDetectorBuilder
            .fromLanguages(Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.FRENCH)
            .withLowAccuracyMode()
            .withMinimumRelativeDistance(MIN_DISTANCE)
            .withPreloadedLanguageModels()
            .build();

    /** The message's language, when it is one of {@link #SPOKEN} and clear enough to tell. */
    public Optional<Locale> of(String text) {
        if (WORD.matcher(text).results().limit(MIN_WORDS).count() < MIN_WORDS) {
            return Optional.empty();
        }
        // Lingua reads every character: a long message is told by its start, as well as by all of it.
        String sample = text.length() <= 2000 ? text : text.substring(0, 2000);
        return Optional.ofNullable(LOCALES.get(detector.detectLanguageOf(sample)));
    }
}
