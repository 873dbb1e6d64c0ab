package dev.supportassistant.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.ErrorResponseException;

class AccountRulesTest {

    private static String detail(Runnable rule) {
        try {
            rule.run();
        } catch (ErrorResponseException refused) {
            assertThat(refused.getStatusCode().value()).isEqualTo(422);
            return refused.getBody().getDetail();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aPasswordShorterThanTwelveCharactersIsRefusedSayingSo() {
        assertThat(detail(() -> AccountRules.password("elevenchars", "bob"))).isEqualTo("password: at least 12 characters");
        assertThat(detail(() -> AccountRules.password(null, "bob"))).isEqualTo("password: at least 12 characters");
        AccountRules.password("twelve chars", "bob");
    }

    @Test
    void charactersNotBytesCountTowardsTheMinimum() {
        // 12 characters, 24 bytes; 11 characters of 2 bytes each are too few.
        AccountRules.password("ééééééééééé1", "bob");
        assertThat(detail(() -> AccountRules.password("éééééééééé1", "bob"))).contains("at least 12");
    }

    @Test
    void aPasswordBCryptWouldCutIsRefused() {
        assertThat(detail(() -> AccountRules.password("x".repeat(73), "bob"))).isEqualTo("password: at most 72 bytes (UTF-8)");
        AccountRules.password("x".repeat(72), "bob");
    }

    @Test
    void aPasswordOfSpacesOrTheNameIsRefused() {
        assertThat(detail(() -> AccountRules.password(" ".repeat(12), "bob"))).contains("only spaces");
        assertThat(detail(() -> AccountRules.password("Support-Bob1", "support-bob1"))).contains("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Customer", "ASSISTANT", "system"})
    void namesTheHistoryUsesForOtherPartiesAreReserved(String name) {
        assertThat(detail(() -> AccountRules.name(name))).contains("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "bob smith", "<b>", "-bob", "bob\tsmith"})
    void namesAreLettersDigitsAndAFewMarks(String name) {
        assertThat(detail(() -> AccountRules.name(name))).startsWith("name:");
    }

    @Test
    void namesAreStrippedAndMayHoldAnEmailAddress() {
        assertThat(AccountRules.name("  bob.smith@example.com ")).isEqualTo("bob.smith@example.com");
        assertThat(detail(() -> AccountRules.name("b".repeat(65)))).contains("64");
    }

    @Test
    void theRoleIsAgentUnlessOperatorIsAsked() {
        assertThat(AccountRules.role(null)).isEqualTo(DeskRole.AGENT);
        assertThat(AccountRules.role(" Operator ")).isEqualTo(DeskRole.OPERATOR);
        assertThatThrownBy(() -> AccountRules.role("root")).isInstanceOf(InvalidAccountException.class);
    }
}
