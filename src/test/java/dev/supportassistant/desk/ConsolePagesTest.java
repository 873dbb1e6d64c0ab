package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.supportassistant.ApiTest;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.knowledge.KnowledgeGaps;
import dev.supportassistant.knowledge.WebSources;
import dev.supportassistant.knowledge.formats.TestFiles;
import dev.supportassistant.knowledge.sources.HelpCenterSite;

/**
 * The operator's console pages as the server renders them, read by a signed-in operator, each with
 * something to show: replies, the bundled documents, accounts, and the shared context's experiment
 * ({@code console-check}, see {@link dev.supportassistant.ServiceTest}) with a conversation in it.
 */
class ConsolePagesTest extends ApiTest {

    private static final String EXPERIMENT = "console-check";

    @Autowired
    private Conversations conversations;
    @Autowired
    private WebSources webSources;
    @Autowired
    private KnowledgeGaps gaps;

    private String name;
    private DeskSession operator;

    @BeforeEach
    void signInAsOperator() {
        name = DeskAccountsForTests.create(api, "operator");
        operator = new DeskSession(port());
        operator.signIn(name, DeskAccountsForTests.PASSWORD);
    }

    @Test
    void theUsagePageChartsTheRepliesOfItsPeriod() {
        assertThat(api.chat("How do I reset my password?").status()).isEqualTo(200);

        HttpResponse<String> page = operator.get("/desk/console/usage");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("<svg role=\"img\" aria-label=\"Replies: [^\"]*local \\d+");
    }

    @Test
    void theProvidersPageShowsACircuitOnlyForConfiguredProviders() {
        HttpResponse<String> page = operator.get("/desk/console");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body().replaceAll("\\s+", " ");
        assertThat(body).containsPattern("<span>local</span>.*?<td>closed: calls go through</td>")
                .containsPattern("<span>openai</span>.*?no: .*?</td> <td>—</td>")
                .doesNotContain("(in use)");
    }

    @Test
    void theAccountsPageOffersNoDisableButtonForTheOperatorsOwnAccount() {
        String agent = DeskAccountsForTests.create(api, "agent");

        String body = operator.get("/desk/console/accounts").body();

        assertThat(body).contains("aria-label=\"Disable " + agent + "\"")
                .doesNotContain("aria-label=\"Disable " + name + "\"");
    }

    @Test
    void anOperatorCannotDisableTheirOwnAccountByWritingItsNameDifferently() {
        String written = "%20" + name.toUpperCase(java.util.Locale.ROOT);

        var refused = operator.submit("/desk/console/accounts", "/desk/console/accounts/" + written + "/enabled",
                "enabled", "false", "_csrf", operator.csrf("/desk/console/accounts"));

        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/desk/console/accounts");
        assertThat(operator.get("/desk/console/accounts").body()).contains("You cannot disable your own account.");
        var accounts = api.asAdmin().get("/api/v1/desk/agents").json().get("agents");
        assertThat(accounts.valueStream().filter(account -> account.get("name").asString().equals(name))
                .map(account -> account.get("enabled").asBoolean())).containsExactly(true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/desk/console", "/desk/console/knowledge", "/desk/console/sources", "/desk/console/gaps",
            "/desk/console/usage", "/desk/console/experiments", "/desk/console/accounts", "/desk/console/saved-replies",
            "/desk/console/outcomes" })
    void everyConsolePageOpensWithDataToShow(String page) {
        assertThat(api.chat("The export never finishes").status()).isEqualTo(200);
        conversationInExperiment("plain");

        HttpResponse<String> response = operator.get(page);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<main id=\"main\"");
    }

    @Test
    void theExperimentsPageShowsEachVariantsRatesWithTheirIntervals() {
        conversationInExperiment("terse");

        HttpResponse<String> page = operator.get("/desk/console/experiments");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String body = page.body().replaceAll("\\s+", " ");
        assertThat(body).contains("<h2 id=\"experiment-console-check\">console-check</h2>")
                .containsPattern("<th scope=\"row\">terse \\(0\\.01%\\)</th> <td>local · its configured model</td>"
                        + " <td class=\"number\">\\d+</td> <td class=\"number\">\\d+</td>"
                        + " <td>0\\.0% \\(0\\.0–\\d+\\.\\d%\\), 0 of \\d+</td>");
    }

    @Test
    void theKnowledgePageListsTheBundledDocuments() {
        String body = operator.get("/desk/console/knowledge").body().replaceAll("\\s+", " ");

        assertThat(body).containsPattern("answers from <span>\\d+</span> documents")
                .contains("<th scope=\"row\">Managing your account settings</th>");
    }

    @Test
    void theKnowledgePageTakesAPdfAndSaysWhyAScannedOneIsRefused() {
        String page = "/desk/console/knowledge";
        byte[] manual = TestFiles.pdf("Gizmo manual", List.of(new TestFiles.Section("Charging the Gizmo",
                List.of("Plug the Gizmo into the blue cable for two hours."))));

        operator.submitFile(page, page, "gizmo.pdf", manual, "title", "", "_csrf", operator.csrf(page));
        String added = operator.get(page).body();
        operator.submitFile(page, page, "scan.pdf", TestFiles.scannedPdf(1), "title", "", "_csrf", operator.csrf(page));
        String refused = operator.get(page).body();

        assertThat(added).contains("Added &#39;Gizmo manual&#39; (1 passages).")
                .contains("<th scope=\"row\">Gizmo manual</th>");
        assertThat(refused).contains("&#39;scan.pdf&#39; has no text layer, only images of its 1 page: it looks like a "
                + "scanned document.");
        api.asAdmin().get("/api/v1/docs").json().valueStream()
                .filter(document -> document.get("title").asString().equals("Gizmo manual"))
                .forEach(document -> api.asAdmin().send("DELETE", "/api/v1/docs/" + document.get("id").asString(), null));
    }

    @Test
    void theSourcesPageShowsEachSourcesPagesLastSyncAndErrorsAndSyncsOnDemand() {
        String page = "/desk/console/sources";
        try (HelpCenterSite site = new HelpCenterSite()) {
            site.page("/help/gizmo-charging.html", "Charging the Gizmo", "Charge it", "Use the blue cable.");
            operator.submit(page, page, "url", site.url("/sitemap.xml"), "_csrf", operator.csrf(page));
            String id = webSources.list().stream().filter(source -> source.url().equals(site.url("/sitemap.xml")))
                    .findFirst().orElseThrow().id();
            await().atMost(Duration.ofSeconds(20)).until(() -> !syncing(id));
            site.remove("/help/gizmo-charging.html");
            site.page("/help/gizmo-colours.html", "Gizmo colours", "Colours", "Blue and red.");
            operator.submit(page, page + "/" + id + "/sync", "_csrf", operator.csrf(page));
            await().atMost(Duration.ofSeconds(20)).until(() -> webSources.list().stream()
                    .filter(source -> source.id().equals(id) && !source.syncing() && source.lastSync() != null)
                    .anyMatch(source -> source.lastSync().removed() == 1));

            String body = operator.get(page).body().replaceAll("\\s+", " ");

            assertThat(body).contains(site.url("/sitemap.xml")).contains("<dd>sitemap</dd>")
                    .contains("<th scope=\"row\">Gizmo colours</th>").doesNotContain("Charging the Gizmo")
                    .contains("<dt>Removed</dt><dd>1</dd>").contains("aria-label=\"Sync now " + site.url("/sitemap.xml"));
            webSources.remove(id);
        }
    }

    @Test
    void theGapsPageShowsWhatCustomersAskedAndAnAnswerClosesTheGap() {
        String page = "/desk/console/gaps";
        String question = "Can I print my whole Zorpton ledger on A3 paper?";
        assertThat(api.chat(question).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> gaps.open().stream()
                .anyMatch(gap -> gap.examples().contains(question)));
        String id = gaps.open().stream().filter(gap -> gap.examples().contains(question)).findFirst().orElseThrow().id();

        String before = operator.get(page).body();
        operator.submit(page, page + "/" + id + "/answer", "title", "Printing the ledger", "answer",
                "## Print the Zorpton ledger\nChoose File > Print and pick A3.", "_csrf", operator.csrf(page));
        String after = operator.get(page).body();

        assertThat(before).contains("<q class=\"customer-words\">" + question + "</q>");
        assertThat(after).contains("Added &#39;Printing the ledger&#39; to the knowledge base")
                .doesNotContain(question);
        api.asAdmin().get("/api/v1/docs").json().valueStream()
                .filter(document -> document.get("title").asString().equals("Printing the ledger"))
                .forEach(document -> api.asAdmin().send("DELETE", "/api/v1/docs/" + document.get("id").asString(), null));
    }

    @Test
    void theDeskShowsTheLanguageTheCustomerWroteIn() {
        String id = api.chat("¿Dónde puedo descargar mis facturas del año pasado?").json().get("conversation_id")
                .asString();

        String page = operator.get("/desk/conversations/" + id).body();

        assertThat(page).contains("customer&#39;s language: es");
    }

    private boolean syncing(String id) {
        return webSources.list().stream().filter(source -> source.id().equals(id))
                .anyMatch(source -> source.syncing() || source.lastSync() == null);
    }

    /** A conversation in the shared experiment's {@code variant}: a customer's message and the local agent's reply. */
    private void conversationInExperiment(String variant) {
        Conversation conversation = Conversation.start("experiment-customer", null);
        conversations.create(conversation, ChatMessage.newMessage("The export never finishes",
                MessageMetadata.CustomerMessage.scored(0.4, List.of(), EXPERIMENT, variant)));
        conversations.append(conversation.id(), ChatMessage.newMessage("Try a smaller date range.",
                MessageMetadata.AiAnswer.of("local", "help-center-retrieval", new MessageMetadata.TokenUsage(10, 5, 15,
                        false), 12, 0.4, List.of()).routed(null, EXPERIMENT, variant)));
    }
}
