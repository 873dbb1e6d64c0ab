package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

import dev.supportassistant.platform.config.InvalidSettingException;

/** {@code DATABASE_URL}, {@code DATABASE_USERNAME} and {@code DATABASE_PASSWORD} become Boot's data source settings. */
class DatabaseUrlTest {

    private static MockEnvironment environment(String... variables) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/x")
                .withProperty("spring.datasource.username", "sa");
        for (int i = 0; i < variables.length; i += 2) {
            environment.setProperty(variables[i], variables[i + 1]);
        }
        new DatabaseUrl().postProcessEnvironment(environment, null);
        return environment;
    }

    private static Map<String, Object> datasource(String url) {
        return DatabaseUrl.fromPostgresUrl(url);
    }

    @Test
    void withoutDatabaseUrlTheEmbeddedDatabaseStays() {
        for (String empty : new String[] {"", "  "}) {
            MockEnvironment environment = environment("DATABASE_URL", empty, "DATABASE_USERNAME", "");

            assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:./data/x");
            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("sa");
        }
    }

    @Test
    void jdbcUrlPassesThroughWithTheSeparateCredentials() {
        MockEnvironment environment = environment("DATABASE_URL", "  jdbc:postgresql://db.internal:5432/support  ",
                "DATABASE_USERNAME", "app", "DATABASE_PASSWORD", "pw");

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:5432/support");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
    }

    @Test
    void postgresqlUrlBecomesJdbcWithCredentialsFromTheUrl() {
        MockEnvironment environment = environment("DATABASE_URL",
                "postgresql://support:s3cret@db.example.com:6543/assistant", "DATABASE_USERNAME", "ignored");

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example.com:6543/assistant");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("support");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s3cret");
    }

    @Test
    void postgresSchemeIsAcceptedToo() {
        assertThat(datasource("postgres://support:s3cret@db.example.com:5432/assistant")).containsOnly(
                entry("spring.datasource.url", "jdbc:postgresql://db.example.com:5432/assistant"),
                entry("spring.datasource.username", "support"), entry("spring.datasource.password", "s3cret"));
    }

    @Test
    void urlEncodedCharactersInTheCredentialsAreDecoded() {
        assertThat(datasource("postgresql://support%40acme:p%40ss%3Aw%2Frd@db.example.com:5432/assistant"))
                .contains(entry("spring.datasource.username", "support@acme"),
                        entry("spring.datasource.password", "p@ss:w/rd"));
    }

    @Test
    void queryStringIsKept() {
        assertThat(datasource("postgresql://u:p@db.example.com:5432/assistant?sslmode=require&connectTimeout=5"))
                .containsEntry("spring.datasource.url",
                        "jdbc:postgresql://db.example.com:5432/assistant?sslmode=require&connectTimeout=5");
    }

    @Test
    void missingPortLeavesTheDriverDefault() {
        assertThat(datasource("postgresql://u:p@db.example.com/assistant"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db.example.com/assistant");
    }

    @Test
    void urlWithoutCredentialsUsesTheSeparateOnes() {
        MockEnvironment environment = environment("DATABASE_URL", "postgresql://db.example.com:5432/assistant",
                "DATABASE_USERNAME", "app", "DATABASE_PASSWORD", "pw");

        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
    }

    @Test
    void urlWithOnlyAUserTakesTheSeparatePassword() {
        MockEnvironment environment = environment("DATABASE_URL", "postgresql://support@db.example.com:5432/assistant",
                "DATABASE_USERNAME", "app", "DATABASE_PASSWORD", "pw");

        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("support");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://x", "postgresql://host", "postgresql://host/", "db.example.com:5432/assistant",
            "postgresql://sup port@host/db"})
    void unusableValuesAreRejectedNamingDatabaseUrl(String value) {
        var error = catchThrowableOfType(InvalidSettingException.class, () -> environment("DATABASE_URL", value));

        assertThat(error).isNotNull();
        assertThat(error.variable()).isEqualTo("DATABASE_URL");
        assertThat(error.getMessage()).isEqualTo("Invalid setting DATABASE_URL: expected "
                + "jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://admin:Hunter2Secret@db.example.com/app",
            "postgresql://admin:Hunter2Secret@db.example.com",
            "postgresql://admin:Hunter2Secret@db.example.com:notaport/app",
            "postgresql://admin:Hunter2 Secret@db.example.com/app"})
    void rejectionNeverShowsThePassword(String value) {
        var error = catchThrowableOfType(InvalidSettingException.class, () -> datasource(value));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("DATABASE_URL").doesNotContain("Hunter2");
    }

    @Test
    void literalPlusInThePasswordStaysAPlus() {
        assertThat(datasource("postgresql://u:p+ss@host/db")).containsEntry("spring.datasource.password", "p+ss");
    }

    @Test
    void hostNamesWithUnderscoresAndMultipleHostsAreAccepted() {
        assertThat(datasource("postgresql://u:p@my_db:5432/db"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://my_db:5432/db");
        assertThat(datasource("postgresql://u:p@h1:5432,h2:5433/db?targetServerType=primary"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary");
    }
}
