package dev.supportassistant.language;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.jspecify.annotations.Nullable;

/**
 * The texts customers see, in their language: the message bundle {@code i18n/customer-texts}
 * (English, Spanish, German, French; a missing language or key falls back to English). Java reads
 * the bundles' properties files as UTF-8.
 */
public final class CustomerTexts {

    private static final String BUNDLE = "i18n.customer-texts";

    private CustomerTexts() {
    }

    /** The text {@code key} in {@code language}, else in English. */
    public static String text(String key, @Nullable Locale language) {
        Locale locale = language == null ? Locale.ENGLISH : language;
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException notInThatLanguage) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        }
    }
}
