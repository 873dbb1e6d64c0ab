package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.supportassistant.platform.config.InvalidSettingException;

class DatabaseUrlTest {

    @Test
    void jdbcUrlPassesThroughWithTheSeparateCredentials() {
        var url = DatabaseUrl.parse("  jdbc:postgresql://db.internal:5432/support  ", "app", "pw");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/support");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void postgresqlUrlBecomesJdbcWithCredentialsFromTheUrl() {
        var url = DatabaseUrl.parse("postgresql://support:s3cret@db.example.com:6543/assistant", "ignored", "ignored");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/assistant");
        assertThat(url.username()).isEqualTo("support");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void postgresSchemeIsAcceptedToo() {
        var url = DatabaseUrl.parse("postgres://support:s3cret@db.example.com:5432/assistant", null, null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/assistant");
        assertThat(url.username()).isEqualTo("support");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void urlEncodedCharactersInTheCredentialsAreDecoded() {
        var url = DatabaseUrl.parse("postgresql://support%40acme:p%40ss%3Aw%2Frd@db.example.com:5432/assistant",
                null, null);

        assertThat(url.username()).isEqualTo("support@acme");
        assertThat(url.password()).isEqualTo("p@ss:w/rd");
    }

    @Test
    void queryStringIsKept() {
        var url = DatabaseUrl.parse("postgresql://u:p@db.example.com:5432/assistant?sslmode=require&connectTimeout=5",
                null, null);

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:5432/assistant?sslmode=require&connectTimeout=5");
    }

    @Test
    void missingPortLeavesTheDriverDefault() {
        var url = DatabaseUrl.parse("postgresql://u:p@db.example.com/assistant", null, null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/assistant");
    }

    @Test
    void urlWithoutCredentialsUsesTheSeparateOnes() {
        var url = DatabaseUrl.parse("postgresql://db.example.com:5432/assistant", "app", "pw");

        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void urlWithOnlyAUserTakesTheSeparatePassword() {
        var url = DatabaseUrl.parse("postgresql://support@db.example.com:5432/assistant", "app", "pw");

        assertThat(url.username()).isEqualTo("support");
        assertThat(url.password()).isEqualTo("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://x", "postgresql://host", "postgresql://host/", "db.example.com:5432/assistant",
            "postgresql://sup port@host/db"})
    void unusableValuesAreRejectedNamingDatabaseUrl(String value) {
        var error = catchThrowableOfType(InvalidSettingException.class, () -> DatabaseUrl.parse(value, null, null));

        assertThat(error).isNotNull();
        assertThat(error.variable()).isEqualTo("DATABASE_URL");
        assertThat(error.getMessage()).contains("DATABASE_URL").contains("postgresql://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://admin:Hunter2Secret@db.example.com/app",
            "postgresql://admin:Hunter2Secret@db.example.com",
            "postgresql://admin:Hunter2Secret@db.example.com:notaport/app",
            "postgresql://admin:Hunter2 Secret@db.example.com/app"})
    void rejectionNeverShowsThePassword(String value) {
        var error = catchThrowableOfType(InvalidSettingException.class, () -> DatabaseUrl.parse(value, null, null));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("DATABASE_URL").doesNotContain("Hunter2");
    }

    @Test
    void toStringHidesThePassword() {
        var url = DatabaseUrl.parse("postgresql://support:Hunter2Secret@db.example.com:5432/assistant", null, null);

        assertThat(url.toString()).contains("db.example.com").contains("support").doesNotContain("Hunter2");
    }

    @Test
    void literalPlusInThePasswordStaysAPlus() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p+ss@host/db", null, null);

        assertThat(url.password()).isEqualTo("p+ss");
    }

    @Test
    void hostNamesWithUnderscoresAndMultipleHostsAreAccepted() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@my_db:5432/db", null, null).jdbcUrl())
                .isEqualTo("jdbc:postgresql://my_db:5432/db");
        assertThat(DatabaseUrl.parse("postgresql://u:p@h1:5432,h2:5433/db?targetServerType=primary", null, null)
                .jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary");
    }
}
