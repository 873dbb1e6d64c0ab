package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which messages ask for a person: phrases, not single words, and not when negated. */
class HumanRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = { "Can I talk to a human?", "I want to speak to a real person", "connect me with an agent",
            "Please transfer me to a representative", "I need a human", "Is there a real person there?",
            "let me speak with someone from support", "human agent please", "I'd like to talk to customer support staff" })
    void requestsForAPersonAreRecognized(String message) {
        assertThat(HumanRequests.asksForPerson(message)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "How do I reset my password?", "It says human error in the log",
            "The agent app crashes on start", "I don't need a human, just tell me where the button is",
            "My account was shared with another person" })
    void otherMessagesAreNot(String message) {
        assertThat(HumanRequests.asksForPerson(message)).isFalse();
    }
}
