package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainProblemTest {

    @Test
    void readsThePartAfterTheCustomersMarker() {
        assertThat(MainProblem.of("the installer on my PC worked fine after a restart; the real problem is the app "
                + "times out every morning")).hasValueSatisfying(problem -> {
                    assertThat(problem.main()).isEqualTo("the app times out every morning");
                    assertThat(problem.rest()).isEqualTo("the installer on my PC worked fine after a restart;");
                });
        assertThat(MainProblem.of("support wants me to share my screen later, but first, how do I stop us being billed"))
                .hasValueSatisfying(problem -> assertThat(problem.main()).isEqualTo("how do I stop us being billed"));
        assertThat(MainProblem.of("first, delete my account please; after that I'll want a refund for this month"))
                .hasValueSatisfying(problem -> assertThat(problem.main()).isEqualTo("delete my account please"));
        assertThat(MainProblem.of("I changed my photo, which was fine. What I need is the reset email that never shows up"))
                .hasValueSatisfying(problem -> assertThat(problem.main()).isEqualTo("the reset email that never shows up"));
    }

    @Test
    void readsTheClauseAClosingMarkerEnds() {
        assertThat(MainProblem.of("I see two identical charges and the invoice PDF won't open, sort out the duplicate "
                + "payment first")).hasValueSatisfying(problem -> {
                    assertThat(problem.main()).isEqualTo("sort out the duplicate payment");
                    assertThat(problem.rest()).isEqualTo("I see two identical charges and the invoice PDF won't open");
                });
    }

    @Test
    void aMessageWithoutMarkerHasNoMainPart() {
        assertThat(MainProblem.of("I asked for a password reset but the email never arrived")).isEmpty();
        assertThat(MainProblem.of("the first time I open the app it crashes")).isEmpty();
        assertThat(MainProblem.of("what is the real problem?")).isEmpty();
    }
}
