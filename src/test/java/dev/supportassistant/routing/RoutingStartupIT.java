package dev.supportassistant.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.supportassistant.RunningService;

/** A routing rule or experiment variant naming a provider that cannot answer stops start-up, naming it. */
@ExtendWith(OutputCaptureExtension.class)
class RoutingStartupIT {

    private static final String IN_MEMORY_DATABASE = "spring.datasource.url=jdbc:h2:mem:routing-"
            + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Test
    void aRuleNamingAnUnconfiguredProviderStopsStartUpNamingTheRule(CapturedOutput output) {
        assertThatThrownBy(() -> RunningService.start(IN_MEMORY_DATABASE, "ANTHROPIC_API_KEY=",
                "ROUTING_RULES=[{\"name\": \"confused\", \"when\": {\"min_confusion\": 0.6}, \"provider\": \"anthropic\"}]")
                .close()).isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr()).contains("Invalid setting ROUTING_RULES: expected configured "
                + "providers; rule \"confused\" names anthropic, which is not configured (ANTHROPIC_API_KEY is not set)");
    }
}
