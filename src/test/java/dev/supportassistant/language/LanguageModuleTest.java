package dev.supportassistant.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import dev.supportassistant.conversation.Conversations;

/**
 * The language module started on its own (a Spring Modulith module test: it depends on no other
 * module): it tells a customer's Spanish from their German, and leaves a text too short to tell alone.
 */
@ApplicationModuleTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:language-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class LanguageModuleTest {

    @Autowired
    CustomerLanguage languages;

    @Autowired
    ApplicationContext context;

    @Test
    void theModuleStartsAloneAndTellsTheCustomersLanguage() {
        assertThat(languages.of("No puedo cambiar mi contraseña, la página me da un error")).contains(
                Locale.forLanguageTag("es"));
        assertThat(languages.of("Ich kann mein Passwort nicht ändern, die Seite zeigt einen Fehler"))
                .contains(Locale.GERMAN);
        assertThat(languages.of("ok")).isEmpty();
        assertThat(context.getBeanProvider(Conversations.class).getIfAvailable()).isNull();
    }
}
