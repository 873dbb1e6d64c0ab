package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiSettingsTest {

    @Test
    void jsonListOfOriginsIsParsed() {
        assertThat(ApiSettings.parseOrigins("[\"http://localhost:3000\", \"https://support.example.com\"]"))
                .containsExactly("http://localhost:3000", "https://support.example.com");
    }

    @Test
    void commaSeparatedListWithSpacesIsParsed() {
        assertThat(ApiSettings.parseOrigins(" http://localhost:3000 ,  https://support.example.com ,"))
                .containsExactly("http://localhost:3000", "https://support.example.com");
    }

    @Test
    void trailingSlashIsRemovedInBothSyntaxes() {
        assertThat(ApiSettings.parseOrigins("[\"https://support.example.com/\"]"))
                .containsExactly("https://support.example.com");
        assertThat(ApiSettings.parseOrigins("http://localhost:3000/,https://support.example.com/"))
                .containsExactly("http://localhost:3000", "https://support.example.com");
    }

    @Test
    void starAllowsAnyOrigin() {
        assertThat(ApiSettings.parseOrigins("*")).containsExactly("*");
        assertThat(ApiSettings.parseOrigins("[\"*\"]")).containsExactly("*");
    }

    @Test
    void missingOrBlankValueMeansNoOrigins() {
        assertThat(ApiSettings.parseOrigins(null)).isEmpty();
        assertThat(ApiSettings.parseOrigins("   ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"http://localhost:3000\"", "[http://localhost:3000]", "localhost:3000/path",
            "http://localhost:3000/path", "localhost", "http://localhost:3000, not an origin",
            "http://localhost:3000?x=1", "http://localhost:3000#top"})
    void malformedValuesAreRejectedNamingCorsOrigins(String value) {
        var error = catchThrowableOfType(InvalidSettingException.class, () -> ApiSettings.parseOrigins(value));

        assertThat(error).isNotNull();
        assertThat(error.variable()).isEqualTo("CORS_ORIGINS");
        assertThat(error.getMessage()).contains("CORS_ORIGINS");
    }

    @Test
    void rejectionNamesTheOffendingOrigin() {
        var error = catchThrowableOfType(InvalidSettingException.class,
                () -> ApiSettings.parseOrigins("http://localhost:3000,localhost:3000/path"));

        assertThat(error.getMessage()).contains("'localhost:3000/path' is not one");
    }

    @Test
    void bindingConstructorParsesTheOriginString() {
        var settings = new ApiSettings("0.0.0.0", 8000, "false", "http://localhost:3000/, https://support.example.com");

        assertThat(settings.corsOrigins()).containsExactly("http://localhost:3000", "https://support.example.com");
    }

    /** application.yml turns the API docs on for {@code DEBUG=true} alone; the rest of DEBUG must agree. */
    @Test
    void debugIsTrueOrFalseAsWritten() {
        assertThat(ApiSettings.debug("DEBUG", "true")).isTrue();
        assertThat(ApiSettings.debug("DEBUG", "false")).isFalse();
        assertThat(ApiSettings.debug("DEBUG", "")).isFalse();
        assertThat(ApiSettings.debug("DEBUG", null)).isFalse();
        for (String other : new String[] {"TRUE", "yes", "1", "true "}) {
            assertThat(catchThrowableOfType(InvalidSettingException.class, () -> ApiSettings.debug("DEBUG", other)))
                    .as(other).hasMessage("Invalid setting DEBUG=" + other + ": expected true or false");
        }
    }
}
