package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.agent.ActiveProvider;
import dev.supportassistant.events.Broadcasts;

/** The operator's console in a real browser: switching the provider, adding a knowledge document. */
class ConsoleBrowserIT extends DeskPages {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Broadcasts broadcasts;

    /** The shared service answers with its default provider again for the tests that follow. */
    @AfterEach
    void forgetTheSwitch() {
        jdbc.sql("UPDATE active_provider SET provider = NULL WHERE id = 1").update();
        broadcasts.send(ActiveProvider.SWITCHED);
    }

    @Test
    void theOperatorSwitchesTheProvider() {
        signIn(account("operator"), PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/desk")));
        browser.findElement(By.linkText("Providers")).click();

        new Select(labelled("Provider")).selectByValue("openai");
        button("Switch").click();
        waitForText(By.cssSelector(".problem"), "Provider 'openai' is not configured: ");

        new Select(labelled("Provider")).selectByValue("local");
        button("Switch").click();

        waitForText(By.cssSelector(".notice"), "Switched to local");
        assertThat(browser.findElement(By.id("current-provider")).getText()).isEqualTo("local");
        assertThat(jdbc.sql("SELECT provider FROM active_provider WHERE id = 1").query(String.class).single())
                .isEqualTo("local");
    }

    @Test
    void theOperatorUploadsAMarkdownDocumentAndTheAssistantKnowsIt() throws Exception {
        Path file = Files.createTempFile("returns-", ".md");
        Files.writeString(file, "# Returning a blender\n\nPack the Zorblex blender in its box and print the label.\n");
        signIn(account("operator"), PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/desk")));
        browser.get(url("/desk/console/knowledge"));

        labelled("PDF, Word (.docx), HTML, Markdown or text file").sendKeys(file.toString());
        labelled("Title (optional)").sendKeys("Returning a Zorblex");
        button("Upload").click();

        waitForText(By.cssSelector(".notice"), "Added 'Returning a Zorblex'");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("Returning a Zorblex");
        assertThat(api.asAdmin().get("/api/v1/docs").body()).contains("Returning a Zorblex");
        Files.delete(file);
    }
}
