package dev.supportassistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import dev.supportassistant.conversation.Conversations;

/**
 * The privacy module started on its own (a Spring Modulith module test: its beans and the settings it
 * depends on, nothing of the rest of the service), with its settings bound from the environment
 * variables application.yml maps: a UK number without its country code and an e-mail address are
 * kept out of what is stored.
 */
@ApplicationModuleTest
@TestPropertySource(properties = {"PII_PHONE_REGION=GB", "PII_STORE_MASKED=true",
        "spring.datasource.url=jdbc:h2:mem:privacy-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
class PrivacyModuleTest {

    @Autowired
    PersonalData personalData;

    @Autowired
    ApplicationContext context;

    @Test
    void theModuleStartsAloneAndMasksWithTheSettingsFromTheEnvironment() {
        String stored = personalData.forStorage("Call me on 020 7946 0958 or write to jane.doe@example.com");

        assertThat(stored).doesNotContain("7946 0958").doesNotContain("jane.doe@example.com");
        assertThat(context.getBeanProvider(Conversations.class).getIfAvailable()).isNull();
    }
}
