package dev.supportassistant.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * The confusion module started with the one module it depends on, the sentence embeddings (a Spring
 * Modulith module test), and its threshold from {@code CONFUSION_THRESHOLD}: a customer who cannot
 * find a button scores about 0.5, confused at the threshold set here (0.3), not at the default (0.6).
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = {"CONFUSION_THRESHOLD=0.3",
        "spring.datasource.url=jdbc:h2:mem:confusion-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
class ConfusionModuleTest {

    private static final String UNSURE = "Which button? I can't see it";

    @Autowired
    ConfusionAnalyzer analyzer;

    @Autowired
    ApplicationContext context;

    @Test
    void theModuleStartsWithItsEmbeddingsAndJudgesByTheConfiguredThreshold() {
        ConfusionAssessment assessment = analyzer.assess(UNSURE, List.of());

        assertThat(assessment.level()).isGreaterThanOrEqualTo(0.3).isLessThan(0.6);
        assertThat(assessment.confused()).isTrue();
        SentenceEmbeddings embeddings = context.getBean(SentenceEmbeddings.class);
        assertThat(new SignalConfusionAnalyzer(new ConfusionSettings(0.6), embeddings).assess(UNSURE, List.of())
                .confused()).isFalse();
        assertThat(context.getBeanProvider(Conversations.class).getIfAvailable()).isNull();
    }
}
