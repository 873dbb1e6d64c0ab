package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {

    @Test
    void commentsAndBlankLinesAreSkipped() {
        var values = DotEnvFile.parse("""
                # the AI provider
                DEFAULT_AI_PROVIDER=local

                   # indented comment
                API_PORT=8000
                """);

        assertThat(values).containsExactly(entry("DEFAULT_AI_PROVIDER", "local"), entry("API_PORT", "8000"));
    }

    @Test
    void exportPrefixIsDropped() {
        assertThat(DotEnvFile.parse("export OPENAI_API_KEY=sk-test"))
                .containsExactly(entry("OPENAI_API_KEY", "sk-test"));
    }

    @Test
    void singleQuotedValuesAreTakenLiterally() {
        var values = DotEnvFile.parse("GREETING='line\\nstill one line # not a comment \"quoted\"'");

        assertThat(values).containsExactly(entry("GREETING", "line\\nstill one line # not a comment \"quoted\""));
    }

    @Test
    void doubleQuotedValuesUnescapeNewlinesAndQuotes() {
        var values = DotEnvFile.parse("PROMPT=\"first line\\nsecond \\\"quoted\\\" line\"");

        assertThat(values).containsExactly(entry("PROMPT", "first line\nsecond \"quoted\" line"));
    }

    @Test
    void doubleQuotedValuesKeepAHashInside() {
        assertThat(DotEnvFile.parse("COLOR=\"#ff0000 # red\"")).containsExactly(entry("COLOR", "#ff0000 # red"));
    }

    @Test
    void inlineCommentAfterAnUnquotedValueIsRemoved() {
        assertThat(DotEnvFile.parse("API_PORT=8000   # the HTTP port")).containsExactly(entry("API_PORT", "8000"));
    }

    @Test
    void hashWithoutASpaceBeforeItIsPartOfAnUnquotedValue() {
        assertThat(DotEnvFile.parse("CHANNEL=support#1")).containsExactly(entry("CHANNEL", "support#1"));
    }

    @Test
    void linesWithoutAnEqualsSignOrWithoutAKeyAreIgnored() {
        var values = DotEnvFile.parse("""
                JUST_A_WORD
                =no-key
                DEBUG=true
                """);

        assertThat(values).containsExactly(entry("DEBUG", "true"));
    }

    @Test
    void valuesMayContainEqualsSigns() {
        var values = DotEnvFile.parse("DATABASE_URL=postgresql://app:pw@db:5432/app?sslmode=require&x=1");

        assertThat(values).containsExactly(entry("DATABASE_URL", "postgresql://app:pw@db:5432/app?sslmode=require&x=1"));
    }

    @Test
    void spacesAroundKeyAndValueAreTrimmedAndEmptyValuesKept() {
        var values = DotEnvFile.parse("  API_HOST =  0.0.0.0  \nEMPTY=");

        assertThat(values).containsExactly(entry("API_HOST", "0.0.0.0"), entry("EMPTY", ""));
    }

    @Test
    void windowsLineEndingsAreHandled() {
        assertThat(DotEnvFile.parse("A=1\r\nB=2\r\n")).containsExactly(entry("A", "1"), entry("B", "2"));
    }

    @Test
    void laterDefinitionOfTheSameKeyWins() {
        assertThat(DotEnvFile.parse("A=1\nA=2")).containsExactly(entry("A", "2"));
    }

    @Test
    void readParsesAUtf8File(@TempDir Path directory) throws IOException {
        Path file = directory.resolve(".env");
        Files.writeString(file, "WELCOME=\"Grüß dich\"\n", StandardCharsets.UTF_8);

        assertThat(DotEnvFile.read(file)).containsExactly(entry("WELCOME", "Grüß dich"));
    }

    @Test
    void exportPrefixFollowedByATabIsDropped() {
        assertThat(DotEnvFile.parse("export\tD=1")).containsEntry("D", "1").doesNotContainKey("export\tD");
    }
}
