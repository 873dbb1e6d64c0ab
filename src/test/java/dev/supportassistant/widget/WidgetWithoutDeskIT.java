package dev.supportassistant.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.supportassistant.NothingConfigured;
import dev.supportassistant.desk.SharedBrowser;

/**
 * The widget on a service installed with nothing configured ({@link NothingConfigured}: no desk, no
 * Agora, {@code CORS_ORIGINS=*}): it still chats, offers no screen sharing, and shows the service's
 * own answer when the customer asks for a person nobody could be.
 */
@ExtendWith({ NothingConfigured.class, SharedBrowser.class })
class WidgetWithoutDeskIT {

    private static CustomerSite site;

    @BeforeAll
    static void openTheSite() {
        site = CustomerSite.onAnyPort("http://127.0.0.1:" + NothingConfigured.service().port());
    }

    @AfterAll
    static void closeTheSite() {
        ChromeDriver browser = SharedBrowser.driver();
        browser.executeScript("localStorage.clear()");
        browser.get("about:blank");
        site.close();
    }

    @Test
    void askingForAPersonWithoutADeskShowsWhatTheServiceAnswersAndNoScreenSharingIsOffered() {
        ChromeDriver browser = SharedBrowser.driver();
        WebDriverWait waiting = SharedBrowser.waiting(Duration.ofSeconds(30));
        browser.get(site.page());
        SearchContext widget = waiting.until(driver -> driver.findElements(By.cssSelector("[data-support-assistant]"))
                .stream().findFirst().orElse(null)).getShadowRoot();
        widget.findElement(By.cssSelector("button.launcher")).click();
        widget.findElement(By.cssSelector("textarea")).sendKeys("My export keeps failing");
        widget.findElement(By.cssSelector("button.send")).click();
        waiting.until(driver -> !widget.findElements(By.cssSelector("li.assistant[data-id]")).isEmpty());

        button(widget, "Talk to a person").click();

        waiting.until(driver -> widget.findElement(By.cssSelector(".notice")).getText()
                .contains("the support desk is not set up"));
        List<WebElement> share = widget.findElements(By.cssSelector("button")).stream()
                .filter(button -> button.getDomProperty("textContent").equals("Share screen")).toList();
        assertThat(share).singleElement().satisfies(button -> assertThat(button.isDisplayed()).isFalse());
        assertThat(button(widget, "Send screenshot").isDisplayed()).isTrue();
    }

    private static WebElement button(SearchContext widget, String text) {
        return widget.findElements(By.cssSelector("button")).stream().filter(button -> button.getText().equals(text))
                .findFirst().orElseThrow();
    }
}
