package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

/**
 * A support agent's day in a real browser: signing in, the queue filling live, claiming,
 * replying, the customer answering live, resolving.
 */
class DeskBrowserIT extends DeskPages {

    @Test
    void signingInWithTheRightPasswordOpensTheQueue() {
        String agent = account("agent");

        signIn(agent, PASSWORD);

        waiting().until(ExpectedConditions.urlToBe(url("/desk")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains(agent);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        String agent = account("agent");

        signIn(agent, "not the password at all");

        waitForText(By.cssSelector(".problem"), "Wrong name or password.");
        assertThat(browser.getCurrentUrl()).startsWith(url("/desk/sign-in"));
        browser.get(url("/desk"));
        assertThat(browser.getCurrentUrl()).startsWith(url("/desk/sign-in"));
    }

    @Test
    void theQueueShowsANewRequestLiveWithItsCountInTheTitle() {
        signIn(account("agent"), PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/desk")));
        int before = browser.findElements(By.cssSelector("#waiting > li")).size();

        String conversation = customerWrites(null, "I want to talk to a human about invoice 4711");

        String card = "#waiting > li[data-conversation='" + conversation + "']";
        // The card comes live and is replaced again when the handoff's summary is written after the
        // turn: every read of it goes through a wait that finds it afresh.
        assertThat(textOf(By.cssSelector(card))).contains("I want to talk to a human about invoice 4711")
                .contains("Anonymous customer").contains("explicit request");
        assertThat(textOf(By.cssSelector(card + " .summary .badge")))
                .isEqualTo("Summary put together from the conversation: the customer's words are in quotes");
        waiting().until(ExpectedConditions.titleIs("(" + (before + 1) + ") waiting · Support desk"));
    }

    @Test
    void anAgentClaimsRepliesSeesTheCustomerAnswerLiveAndResolves() {
        String agent = account("agent");
        String conversation = customerWrites(null, "My export keeps failing, can I speak to a person please");
        signIn(agent, PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/desk")));
        click(By.cssSelector("#waiting > li[data-conversation='" + conversation + "'] h3 a"));
        waitForText(By.cssSelector("#state .status"), "Waiting for a person");
        assertThat(labelled("Reply").isEnabled()).isFalse();

        click(buttonSaying("Claim"));
        waitForText(By.cssSelector("#state .status"), "Held by you (" + agent + ")");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("You claimed the conversation");

        labelled("Reply").sendKeys("Hi, I am looking at your export now.");
        button("Send").click();
        waitForText(By.id("history"), "Hi, I am looking at your export now.");
        JsonNode seenByCustomer = api.get("/api/v1/conversation/" + conversation).json();
        assertThat(seenByCustomer.get("messages").values().stream()
                .filter(message -> message.get("content").asString().equals("Hi, I am looking at your export now."))
                .map(message -> message.get("metadata").get("author").asString()).toList()).containsExactly(agent);

        customerWrites(conversation, "Thanks! It says error E-4021 when I click export");
        waitForText(By.id("history"), "It says error E-4021 when I click export");
        assertThat(textOf(By.xpath("//li[contains(@class,'customer')][contains(., 'E-4021')]//*[contains(@class,'author')]")))
                .isEqualTo("Customer");

        click(buttonSaying("Resolve"));
        waitForText(By.cssSelector(".notice"), "You resolved the conversation.");
        assertThat(api.asAdmin().get("/api/v1/desk/conversations/" + conversation).json().get("handoff")
                .get("status").asString()).isEqualTo("resolved");
    }

    @Test
    void theScreenViewWaitsUntilTheCustomerSharesTheirScreen() {
        // The tests' settings configure Agora; without it the page says why: DeskWithoutAgoraIT.
        String conversation = customerWrites(null, "Please get me a real person");
        signIn(account("agent"), PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/desk")));

        browser.get(url("/desk/conversations/" + conversation));

        waitForText(By.id("screen"), "The customer has not started sharing their screen in this conversation.");
        assertThat(browser.findElement(By.id("view-screen")).isDisplayed()).isFalse();
    }
}
