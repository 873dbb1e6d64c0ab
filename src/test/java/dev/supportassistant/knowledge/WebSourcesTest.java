package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.knowledge.sources.HelpCenterSite;
import tools.jackson.databind.JsonNode;

/**
 * Web sources on a help-center site served on 127.0.0.1: read from its sitemap or crawled from its
 * root, honouring robots.txt; synced again, unchanged pages are not embedded again, changed ones
 * are, vanished ones are removed; answers name the page's address.
 */
class WebSourcesTest extends ApiTest {

    @Autowired
    private WebSources sources;
    @Autowired
    private JdbcClient jdbc;

    private final HelpCenterSite site = new HelpCenterSite();

    @AfterEach
    void closeSite() {
        sources.list().stream().filter(source -> source.url().startsWith(site.url("/")))
                .forEach(source -> sources.remove(source.id()));
        site.close();
    }

    private void helpCenter() {
        site.page("/help/blinkstone-pairing.html", "Pairing the Blinkstone", "Pair a Blinkstone with your phone",
                "Open the Blinkstone app, hold the crown button for eight seconds and pick Blinkstone from the list.");
        site.page("/help/blinkstone-warranty.html", "Blinkstone warranty", "How long the Blinkstone warranty lasts",
                "Every Blinkstone carries a warranty of 27 months from the day of delivery.");
        site.page("/help/blinkstone-strap.html", "Changing the strap", "Change the Blinkstone strap",
                "Slide the two pins on the back of the Blinkstone towards each other and lift the strap off.");
        site.page("/help/private/drafts.html", "Draft", "Unpublished Blinkstone notes", "Do not read this.");
    }

    private JsonNode ask(String question) {
        return api.chat(question).json().get("message");
    }

    @Test
    void aSitemapsPagesAnswerWithTheirAddressAndASyncEmbedsOnlyWhatChanged() {
        helpCenter();
        WebSource source = sources.add(site.url("/sitemap.xml"));
        assertThat(source.kind()).isEqualTo("sitemap");

        SyncReport first = sources.sync(source.id());

        assertThat(first.added()).isEqualTo(3);
        assertThat(first.errors()).isEmpty();
        assertThat(site.requested()).contains("/robots.txt", "/sitemap.xml").doesNotContain("/help/private/drafts.html");
        JsonNode answer = ask("How long is the Blinkstone warranty?");
        assertThat(answer.get("content").asString()).contains("27 months");
        assertThat(answer.get("metadata").get("sources").get(0).get("url").asString())
                .isEqualTo(site.url("/help/blinkstone-warranty.html"));

        site.page("/help/blinkstone-warranty.html", "Blinkstone warranty", "How long the Blinkstone warranty lasts",
                "Every Blinkstone carries a warranty of 39 months from the day of delivery.");
        site.remove("/help/blinkstone-strap.html");
        SyncReport second = sources.sync(source.id());

        assertThat(second.changed()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(second.removed()).isEqualTo(1);
        assertThat(second.added()).isZero();
        assertThat(second.chunksEmbedded()).as("only the changed page is embedded again").isEqualTo(1);
        assertThat(ask("How long is the Blinkstone warranty?").get("content").asString()).contains("39 months")
                .doesNotContain("27 months");
        WebSource synced = sources.list().stream().filter(each -> each.id().equals(source.id())).findFirst().orElseThrow();
        assertThat(synced.pages()).extracting(KnowledgeDocument::url).containsExactly(
                site.url("/help/blinkstone-pairing.html"), site.url("/help/blinkstone-warranty.html"));
        assertThat(synced.lastSync().unchanged()).isEqualTo(1);
    }

    @Test
    void aSiteRootIsCrawledWithinItsPathAndRobotsTxt() {
        site.page("/help/", "Help center", "Welcome", "Find answers about the Blinkstone here.",
                "/help/blinkstone-pairing.html", "/help/private/drafts.html", "/blog/news.html", "https://example.com/");
        helpCenter();
        site.page("/blog/news.html", "News", "Our news", "Blinkstone news.");

        SyncReport report = sources.sync(sources.add(site.url("/help/")).id());

        assertThat(report.added()).isEqualTo(2);
        assertThat(site.requested()).contains("/help/", "/help/blinkstone-pairing.html")
                .doesNotContain("/help/private/drafts.html", "/blog/news.html", "/help/blinkstone-strap.html");
    }

    @Test
    void aSiteWhoseRobotsTxtCannotBeReadIsLeftAloneAndKeepsItsPages() {
        helpCenter();
        WebSource source = sources.add(site.url("/sitemap.xml"));
        sources.sync(source.id());
        site.robotsUnavailable();
        site.forgetRequests();

        SyncReport report = sources.sync(source.id());

        assertThat(report.removed()).isZero();
        assertThat(report.errors()).singleElement().asString().startsWith(site.url("/robots.txt") + ": answered 503;");
        assertThat(site.requested()).containsExactly("/robots.txt");
        assertThat(sources.list().stream().filter(each -> each.id().equals(source.id())).findFirst().orElseThrow()
                .pages()).hasSize(3);
    }

    @Test
    void anotherInstancesSyncIsNotStartedTwice() {
        helpCenter();
        WebSource source = sources.add(site.url("/help/blinkstone-strap.html"));
        jdbc.sql("UPDATE knowledge_sources SET sync_lease_until = :until WHERE id = :id")
                .param("until", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5)).param("id", source.id()).update();

        assertThatThrownBy(() -> sources.sync(source.id())).isInstanceOfSatisfying(ErrorResponseException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(sources.requestSync(source.id())).isFalse();
        assertThat(site.requested()).isEmpty();
    }

    @Test
    void theApiAddsASourceReadsItAndSyncsItOnDemand() {
        helpCenter();
        var added = api.asAdmin().post("/api/v1/knowledge/sources",
                "{\"url\": " + ApiClient.quote(site.url("/help/blinkstone-pairing.html")) + "}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> lastSync(id) != null);
        var synced = api.asAdmin().post("/api/v1/knowledge/sources/" + id + "/sync", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> lastSync(id) != null
                && lastSync(id).get("unchanged").asInt() == 1);

        assertThat(synced.status()).isEqualTo(202);
        JsonNode source = source(id);
        assertThat(source.get("pages").get(0).get("url").asString()).isEqualTo(site.url("/help/blinkstone-pairing.html"));
        assertThat(api.asAdmin().post("/api/v1/knowledge/sources", "{\"url\": \"ftp://example.com/\"}").status())
                .isEqualTo(422);
        assertThat(api.post("/api/v1/knowledge/sources", "{\"url\": \"https://example.com/\"}").status()).isEqualTo(401);
    }

    private JsonNode source(String id) {
        return api.asAdmin().get("/api/v1/knowledge/sources").json().valueStream()
                .filter(source -> source.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private JsonNode lastSync(String id) {
        JsonNode last = source(id).get("last_sync");
        return last == null || last.isNull() ? null : last;
    }
}
