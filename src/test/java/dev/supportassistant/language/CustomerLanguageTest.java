package dev.supportassistant.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The customer's language, told offline, and the texts customers see in it. */
class CustomerLanguageTest {

    private static final CustomerLanguage LANGUAGE = new CustomerLanguage();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "¿Cómo puedo restablecer mi contraseña? | es",
            "No puedo iniciar sesión en la aplicación desde ayer | es",
            "Wie kann ich mein Passwort zurücksetzen? | de",
            "Comment réinitialiser mon mot de passe ? | fr",
            "The app crashes every time I open a report | en" })
    void aMessageOfAFewWordsIsToldItsLanguage(String message, String language) {
        assertThat(LANGUAGE.of(message)).map(Locale::getLanguage).contains(language);
    }

    /** An English customer told in German that a person will join would be worse than no detection at all. */
    @Test
    void hardlyAnyEnglishQuestionIsTakenForAnotherLanguage() throws IOException {
        List<String> questions = new ArrayList<>();
        for (String part : List.of("retrieval-tuning.tsv", "retrieval-held-aside.tsv")) {
            Files.readAllLines(Path.of("src/test/resources/knowledge", part)).stream()
                    .filter(line -> !line.startsWith("#") && line.contains("\t"))
                    .map(line -> line.split("\t")[1]).forEach(questions::add);
        }

        List<String> mistaken = questions.stream()
                .filter(question -> LANGUAGE.of(question).filter(language -> !language.getLanguage().equals("en"))
                        .isPresent())
                .toList();

        assertThat(questions).hasSizeGreaterThan(300);
        assertThat(mistaken).as("English questions taken for another language").hasSizeLessThanOrEqualTo(
                questions.size() / 100);
    }

    @Test
    void aMessageTooShortToTellHasNone() {
        assertThat(LANGUAGE.of("Hola")).isEqualTo(Optional.empty());
        assertThat(LANGUAGE.of("ok 👍")).isEmpty();
    }

    @Test
    void everyCustomerTextExistsInEveryLanguageTheServiceSpeaks() {
        Set<String> keys = ResourceBundle.getBundle("i18n.customer-texts", Locale.ROOT).keySet();

        assertThat(keys).contains("local.english-only", "handoff.holding");
        for (Locale language : CustomerLanguage.SPOKEN) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.customer-texts", language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(bundle.keySet()).as(language.toString()).containsAll(keys);
        }
        assertThat(CustomerTexts.text("local.english-only", Locale.forLanguageTag("es")))
                .isEqualTo("Solo tengo nuestros artículos de ayuda en inglés, así que te respondo en inglés:");
        assertThat(CustomerTexts.text("local.english-only", Locale.ITALIAN))
                .isEqualTo(CustomerTexts.text("local.english-only", null));
    }
}
