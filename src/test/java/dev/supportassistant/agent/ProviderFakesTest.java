package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.QuickPasswordHashing;
import dev.supportassistant.RememberedEmbeddings;
import dev.supportassistant.StatementCounting;
import dev.supportassistant.events.Broadcasts;
import dev.supportassistant.routing.AdjustableRouting;

/**
 * Base of the tests that talk to AI providers: the whole service, with OpenAI, Anthropic and
 * Ollama each faked at the HTTP level by a WireMock server that answers with the vendor's real
 * JSON and SSE shapes, so the vendors' own SDK code runs. Every subclass shares one application
 * context (keep configuration here), and every test starts with no stubs, no operator switch and
 * closed circuits. The routing tests set rules and experiments on it for their own tests
 * ({@link AdjustableRouting}); every other test is routed as configured: none.
 *
 * <p>The timeout is short (2 s) and retries quick, so failure tests stay fast. The database's
 * statements and commits are counted ({@link StatementCounting}).
 */
@Import({RememberedEmbeddings.class, QuickPasswordHashing.class, AdjustableRouting.InContext.class, StatementCounting.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "support.agent.default-provider=openai",
        "support.agent.timeout=2",
        "support.agent.max-retries=1",
        "support.agent.retry-backoff=20",
        "support.agent.fallback-providers=",
        "support.agent.circuit.minimum-calls=3",
        "support.agent.circuit.failure-rate-percent=50",
        "support.agent.circuit.open-seconds=60",
        // The embedded database has one connection (PoolLimits): ConcurrentFailoverTest's 50 parallel
        // conversations queue for it, longer than the service's 1 s on a busy machine. Failing fast
        // when the database is gone (a 503) is DatabaseRefusalTest's subject, not these tests'.
        "spring.datasource.hikari.connection-timeout=10000",
        // Prices the experiments' results are reckoned in (RoutedProviderFakesTest's routing tests).
        "MODEL_PRICES={\"gpt-4.1-mini\": {\"input_per_million\": 1, \"output_per_million\": 2}}" })
public abstract class ProviderFakesTest {

    protected static final String OPENAI_KEY = "sk-test-openai-fake-key-7f3a9c";
    protected static final String ANTHROPIC_KEY = "sk-ant-test-fake-key-2b8e41";
    protected static final String OPENAI_MODEL = "gpt-4.1-mini-2025-04-14";
    protected static final String ANTHROPIC_MODEL = "claude-sonnet-4-5-20250929";
    protected static final String OLLAMA_MODEL = "llama3.2";
    /** How OpenAI and Anthropic stream: server-sent events. */
    public static final String SSE_TYPE = "text/event-stream; charset=utf-8";
    /** How Ollama streams: JSON lines. */
    public static final String OLLAMA_STREAM_TYPE = "application/x-ndjson";

    /** How many commits the database had seen when OpenAI's fake last received a request. */
    protected static final java.util.concurrent.atomic.AtomicInteger COMMITS_AT_OPENAI_CALL =
            new java.util.concurrent.atomic.AtomicInteger(-1);
    protected static final WireMockServer OPENAI = started(new ServeEventListener() {
        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            COMMITS_AT_OPENAI_CALL.set(StatementCounting.commitsSoFar());
        }

        @Override
        public String getName() {
            return "commits-at-call";
        }
    });
    protected static final WireMockServer ANTHROPIC = started();
    protected static final WireMockServer OLLAMA = started();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ProviderCircuits circuits;

    @Autowired
    private Broadcasts broadcasts;

    /** The port the service of this context listens on. */
    protected int port() {
        return port;
    }

    /** Acts as an operator (admin key). */
    protected ApiClient api;
    /** Acts as an anonymous customer. */
    protected ApiClient customer;

    private static WireMockServer started(com.github.tomakehurst.wiremock.extension.Extension... extensions) {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(20).extensions(extensions));
        server.start();
        // Started once per JVM; stopped with it.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("support.agent.openai.api-key", () -> OPENAI_KEY);
        registry.add("support.agent.openai.base-url", () -> OPENAI.baseUrl() + "/v1");
        registry.add("support.agent.openai.model", () -> "gpt-4.1-mini");
        registry.add("support.agent.anthropic.api-key", () -> ANTHROPIC_KEY);
        registry.add("support.agent.anthropic.base-url", () -> ANTHROPIC.baseUrl());
        registry.add("support.agent.anthropic.model", () -> "claude-sonnet-4-5");
        registry.add("support.agent.ollama.base-url", () -> OLLAMA.baseUrl());
        registry.add("support.agent.ollama.model", () -> OLLAMA_MODEL);
    }

    /** Ports of the contexts whose provider clients have been warmed up. */
    private static final java.util.Set<Integer> WARMED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The first call through each vendor SDK in a fresh context loads and compiles a lot of code and
     * can take longer than the tests' short provider timeout on a slow machine, which would make
     * whichever test runs first fall over for the wrong reason. So each client, blocking and
     * streaming, answers once before the first test; a cold call that times out is simply repeated.
     */
    @BeforeEach
    void warmUpProviderClients() {
        if (!WARMED.add(port)) {
            return;
        }
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("warm", 1, 1)));
        OPENAI.stubFor(openAiChat(true).willReturn(openAiStream(List.of("warm"), 1, 1)));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("warm", 1, 1)));
        ANTHROPIC.stubFor(anthropicMessages(true).willReturn(anthropicStream(List.of("warm"), 1, 1)));
        OLLAMA.stubFor(ollamaChat(false).willReturn(ollamaReply("warm", 1, 1)));
        OLLAMA.stubFor(ollamaChat(true).willReturn(ollamaStream(List.of("warm"), 1, 1)));
        ApiClient client = new ApiClient(port).asAdmin();
        for (String provider : List.of("openai", "anthropic", "ollama")) {
            for (String path : List.of("/api/v1/chat", "/api/v1/chat/stream")) {
                for (int attempt = 0; attempt < 5; attempt++) {
                    circuits.resetAll();
                    String body = client.post(path, ChatRequest.message("warm up").via(provider).json()).body();
                    if (body.contains("\"provider\":\"" + provider + "\"") && !body.contains("\"fallback\":true")) {
                        break;
                    }
                }
            }
        }
    }

    @BeforeEach
    void resetProviders() {
        OPENAI.resetAll();
        ANTHROPIC.resetAll();
        OLLAMA.resetAll();
        circuits.resetAll();
        jdbc.sql("UPDATE active_provider SET provider = NULL, changed_at = NULL WHERE id = 1").update();
        broadcasts.send(ActiveProvider.SWITCHED);
        // As an operator: only operators choose a message's provider, and they see a reply's internals
        // (failure summaries, routes). What customers are shown is CustomerViewsTest's subject.
        api = new ApiClient(port).asAdmin();
        customer = new ApiClient(port);
    }

    // ------------------------------------------------------------------ request matchers

    protected static MappingBuilder openAiChat(boolean stream) {
        return post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(stream ? matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true"))
                        : com.github.tomakehurst.wiremock.client.WireMock.notContaining("\"stream\":true"));
    }

    protected static MappingBuilder anthropicMessages(boolean stream) {
        return post(urlPathEqualTo("/v1/messages"))
                .withRequestBody(stream ? matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true"))
                        : com.github.tomakehurst.wiremock.client.WireMock.notContaining("\"stream\":true"));
    }

    protected static MappingBuilder ollamaChat(boolean stream) {
        return post(urlPathEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo(String.valueOf(stream))));
    }

    // ------------------------------------------------------------------ vendors' answers

    /** A chat completion as OpenAI sends it. */
    protected static ResponseDefinitionBuilder openAiReply(String text, int promptTokens, int completionTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion","created":1764000000,
                 "model":"%s","choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,
                 "annotations":[]},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,
                 "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                 "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,
                 "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                 "service_tier":"default","system_fingerprint":"fp_3b4d6c1a2e"}
                """.formatted(OPENAI_MODEL, ApiClient.quote(text), promptTokens, completionTokens,
                promptTokens + completionTokens));
    }

    /**
     * A streamed chat completion as OpenAI sends it when asked for usage: a role chunk, one chunk
     * per piece, a finish chunk, then a usage chunk with no choices, then {@code [DONE]}.
     */
    protected static ResponseDefinitionBuilder openAiStream(List<String> pieces, int promptTokens,
            int completionTokens) {
        return sse(openAiStreamBody(pieces, promptTokens, completionTokens));
    }

    /** The body of {@link #openAiStream}. */
    public static String openAiStreamBody(List<String> pieces, int promptTokens, int completionTokens) {
        String chunk = "data: {\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1764000000,\"model\":\"" + OPENAI_MODEL + "\",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_3b4d6c1a2e\",\"choices\":%s,\"usage\":%s}\n\n";
        StringBuilder body = new StringBuilder();
        body.append(chunk.formatted("[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":null}]", "null"));
        for (String piece : pieces) {
            body.append(chunk.formatted("[{\"index\":0,\"delta\":{\"content\":" + ApiClient.quote(piece)
                    + "},\"logprobs\":null,\"finish_reason\":null}]", "null"));
        }
        body.append(chunk.formatted("[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]", "null"));
        body.append(chunk.formatted("[]", "{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}"));
        body.append("data: [DONE]\n\n");
        return body.toString();
    }

    /** A stream that stops after some pieces: no finish reason, no usage, no {@code [DONE]}. */
    protected static ResponseDefinitionBuilder openAiStreamCut(List<String> pieces) {
        String chunk = "data: {\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1764000000,\"model\":\"" + OPENAI_MODEL + "\",\"system_fingerprint\":\"fp_3b4d6c1a2e\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":%s},\"logprobs\":null,\"finish_reason\":null}],"
                + "\"usage\":null}\n\n";
        return sse(pieces.stream().map(piece -> chunk.formatted(ApiClient.quote(piece))).collect(Collectors.joining()));
    }

    /** A message as Anthropic's Messages API sends it. */
    protected static ResponseDefinitionBuilder anthropicReply(String text, int inputTokens, int outputTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy").withBody("""
                {"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","type":"message","role":"assistant","model":"%s",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":%d,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                 "output_tokens":%d,"service_tier":"standard"}}
                """.formatted(ANTHROPIC_MODEL, ApiClient.quote(text), inputTokens, outputTokens));
    }

    /** A streamed message as Anthropic sends it: named events, input tokens first, output tokens last. */
    protected static ResponseDefinitionBuilder anthropicStream(List<String> pieces, int inputTokens, int outputTokens) {
        return sse(anthropicStreamBody(pieces, inputTokens, outputTokens));
    }

    /** The body of {@link #anthropicStream}. */
    public static String anthropicStreamBody(List<String> pieces, int inputTokens, int outputTokens) {
        StringBuilder body = new StringBuilder();
        body.append(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_013Zva2CMHLNnXjNJJKqJ2EF\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + ANTHROPIC_MODEL + "\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + inputTokens
                + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1,"
                + "\"service_tier\":\"standard\"}}}"));
        body.append(event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        body.append(event("ping", "{\"type\": \"ping\"}"));
        for (String piece : pieces) {
            body.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + ApiClient.quote(piece) + "}}"));
        }
        body.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        body.append(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}"));
        body.append(event("message_stop", "{\"type\":\"message_stop\"}"));
        return body.toString();
    }

    /** A reply as Ollama's {@code /api/chat} sends it with {@code "stream": false}. */
    protected static ResponseDefinitionBuilder ollamaReply(String text, int promptTokens, int evalTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody("""
                {"model":"%s","created_at":"2026-11-24T12:00:01.123456789Z",
                 "message":{"role":"assistant","content":%s},"done_reason":"stop","done":true,
                 "total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":%d,
                 "prompt_eval_duration":342546000,"eval_count":%d,"eval_duration":4535599000}
                """.formatted(OLLAMA_MODEL, ApiClient.quote(text), promptTokens, evalTokens).replace("\n", ""));
    }

    /** A streamed reply as Ollama sends it: one JSON object a line, counts in the last one. */
    protected static ResponseDefinitionBuilder ollamaStream(List<String> pieces, int promptTokens, int evalTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", OLLAMA_STREAM_TYPE)
                .withBody(ollamaStreamBody(pieces, promptTokens, evalTokens));
    }

    /** The body of {@link #ollamaStream}: one JSON object per line. */
    public static String ollamaStreamBody(List<String> pieces, int promptTokens, int evalTokens) {
        StringBuilder body = new StringBuilder();
        for (String piece : pieces) {
            body.append("{\"model\":\"").append(OLLAMA_MODEL).append("\",\"created_at\":\"2026-11-24T12:00:01.1Z\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":").append(ApiClient.quote(piece))
                    .append("},\"done\":false}\n");
        }
        body.append("{\"model\":\"").append(OLLAMA_MODEL).append("\",\"created_at\":\"2026-11-24T12:00:02.1Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,"
                + "\"total_duration\":4883583458,\"load_duration\":1334875,\"prompt_eval_count\":" + promptTokens
                + ",\"prompt_eval_duration\":342546000,\"eval_count\":" + evalTokens
                + ",\"eval_duration\":4535599000}\n");
        return body.toString();
    }

    /** An error as OpenAI shapes it. */
    protected static ResponseDefinitionBuilder openAiError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":%s,"type":"%s","param":null,"code":null}}
                """.formatted(ApiClient.quote(message), type));
    }

    /** An error as Anthropic shapes it. */
    protected static ResponseDefinitionBuilder anthropicError(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"type":"error","error":{"type":"%s","message":"Internal server error"}}
                """.formatted(type));
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", SSE_TYPE)
                .withHeader("Cache-Control", "no-cache").withBody(body);
    }

    // ------------------------------------------------------------------ reading our stream

    /** One server-sent event of {@code POST /api/v1/chat/stream}. */
    protected record Event(String name, String data) {
    }

    protected static List<Event> events(String body) {
        return java.util.Arrays.stream(body.split("\\r?\\n\\r?\\n")).filter(block -> !block.isBlank()).map(block -> {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\\r?\\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            return new Event(name, data.toString());
        }).toList();
    }
}
