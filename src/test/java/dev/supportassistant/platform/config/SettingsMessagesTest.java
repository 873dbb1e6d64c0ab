package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Every setting: a bad value stops start-up with one line naming the variable, its value (unless
 * it may be secret) and what is wrong, in the words of Boot's binder, Bean Validation or the check. The settings are bound here as the service
 * binds them (the variables mapped by {@code application.yml}, every {@code @ConfigurationProperties}
 * record of the application, Boot's own {@code server.*}, validation, and the checks made while
 * binding), without starting the service; {@link StartupSettingsIT} shows on real starts that
 * Boot's failure report carries this line. Checks that need the agents are tested beside them
 * ({@code AI_FALLBACK_PROVIDERS} in {@code FallbackChainTest}, {@code DEFAULT_AI_PROVIDER} in
 * {@code ActiveProviderReportTest}), and {@code ROUTING_RULES}, {@code EXPERIMENTS} and {@code MODEL_PRICES}
 * in {@code RoutingDocumentsTest}. Keys, passwords and {@code DATABASE_USERNAME} accept any value.
 */
class SettingsMessagesTest {

    /** Every settings record, Boot's server settings, and the settings checks that need no other bean. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("dev.supportassistant")
    @EnableConfigurationProperties(ServerProperties.class)
    @ComponentScan(basePackages = "dev.supportassistant", useDefaultFilters = false, includeFilters =
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.(WeakKeyCheck|KnowledgeFolder|HandoffConfiguration)"))
    static class AllSettings {
    }

    private static final PropertySource<?> APPLICATION_YML = applicationYml();

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiterString = " :: ", quoteCharacter = '`', value = {
            "API_HOST :: nohost.invalid :: Invalid setting API_HOST=nohost.invalid: expected an address of this machine, such as 0.0.0.0 (every interface) or 127.0.0.1",
            "API_HOST :: 192.0.2.1 :: Invalid setting API_HOST=192.0.2.1: expected an address of this machine, such as 0.0.0.0 (every interface) or 127.0.0.1",
            "API_PORT :: http :: Invalid setting API_PORT=http: expected a whole number",
            "API_PORT :: 70000 :: Invalid setting API_PORT=70000: must be less than or equal to 65535",
            "CORS_ORIGINS :: [\"http://a :: Invalid setting CORS_ORIGINS=[\"http://a: expected a JSON list of origins such as [\"http://localhost:3000\"] or a comma-separated list",
            "CORS_ORIGINS :: localhost:3000 :: Invalid setting CORS_ORIGINS=localhost:3000: expected origins such as http://localhost:3000 (scheme://host[:port]) or *; 'localhost:3000' is not one",
            "AI_TEMPERATURE :: hot :: Invalid setting AI_TEMPERATURE=hot: expected a number",
            "AI_TEMPERATURE :: 7 :: Invalid setting AI_TEMPERATURE=7: must be less than or equal to 2.0",
            "AI_MAX_TOKENS :: lots :: Invalid setting AI_MAX_TOKENS=lots: expected a whole number",
            "AI_MAX_TOKENS :: 0 :: Invalid setting AI_MAX_TOKENS=0: must be greater than or equal to 1",
            "AI_TIMEOUT_SECONDS :: soon :: Invalid setting AI_TIMEOUT_SECONDS=soon: expected a whole number of seconds",
            "AI_TIMEOUT_SECONDS :: 0 :: Invalid setting AI_TIMEOUT_SECONDS=0: must be longer than or equal to 1 second",
            "AI_MAX_RETRIES :: 11 :: Invalid setting AI_MAX_RETRIES=11: must be less than or equal to 10",
            "AI_RETRY_BACKOFF_MS :: -5 :: Invalid setting AI_RETRY_BACKOFF_MS=-5: must be longer than or equal to 0",
            "AI_HISTORY_TOKEN_BUDGET :: -1 :: Invalid setting AI_HISTORY_TOKEN_BUDGET=-1: must be greater than or equal to 0",
            "SYSTEM_PROMPT ::  :: Invalid setting SYSTEM_PROMPT=: must not be blank",
            "AI_CIRCUIT_MINIMUM_CALLS :: 0 :: Invalid setting AI_CIRCUIT_MINIMUM_CALLS=0: must be greater than or equal to 1",
            "AI_CIRCUIT_FAILURE_RATE :: 101 :: Invalid setting AI_CIRCUIT_FAILURE_RATE=101: must be less than or equal to 100",
            "AI_CIRCUIT_OPEN_SECONDS :: 0 :: Invalid setting AI_CIRCUIT_OPEN_SECONDS=0: must be longer than or equal to 1 second",
            "DEFAULT_OPENAI_MODEL ::  :: Invalid setting DEFAULT_OPENAI_MODEL=: must not be blank",
            "OPENAI_BASE_URL :: localhost:8080/v1 :: Invalid setting OPENAI_BASE_URL: expected an http:// or https:// URL such as https://gateway.example.com/v1, or nothing",
            "DEFAULT_ANTHROPIC_MODEL ::  :: Invalid setting DEFAULT_ANTHROPIC_MODEL=: must not be blank",
            "ANTHROPIC_BASE_URL :: ftp://gateway :: Invalid setting ANTHROPIC_BASE_URL: expected an http:// or https:// URL such as https://gateway.example.com, or nothing",
            "OLLAMA_BASE_URL :: localhost:11434 :: Invalid setting OLLAMA_BASE_URL: expected an http:// or https:// URL such as http://localhost:11434, or nothing",
            "DEFAULT_OLLAMA_MODEL ::  :: Invalid setting DEFAULT_OLLAMA_MODEL=: must not be blank",
            "KNOWLEDGE_ENABLED :: maybe :: Invalid setting KNOWLEDGE_ENABLED=maybe: expected true or false",
            "KNOWLEDGE_DIR :: /no/such/dir :: Invalid setting KNOWLEDGE_DIR=/no/such/dir: expected an existing folder of .md or .txt files",
            "CONFUSION_THRESHOLD :: 1.5 :: Invalid setting CONFUSION_THRESHOLD=1.5: must be less than or equal to 1.0",
            "AGORA_APP_ID :: not-hex :: Invalid setting AGORA_APP_ID=not-hex: expected 32 hexadecimal characters, or nothing",
            "AGORA_APP_CERTIFICATE :: not-hex :: Invalid setting AGORA_APP_CERTIFICATE: expected 32 hexadecimal characters, or nothing",
            "AGORA_TOKEN_TTL_SECONDS :: 10 :: Invalid setting AGORA_TOKEN_TTL_SECONDS=10: must be greater than or equal to 60",
            "AGORA_CHANNEL_PREFIX :: support/ :: Invalid setting AGORA_CHANNEL_PREFIX=support/: expected only letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,",
            "HANDOFF_ON_EXPLICIT_REQUEST :: maybe :: Invalid setting HANDOFF_ON_EXPLICIT_REQUEST=maybe: expected true or false",
            "HANDOFF_AFTER_CONFUSED_TURNS :: -1 :: Invalid setting HANDOFF_AFTER_CONFUSED_TURNS=-1: must be greater than or equal to 0",
            "DESK_HOURS :: Mon-Fri 9-17 Europe/Berlin :: Invalid setting DESK_HOURS=Mon-Fri 9-17 Europe/Berlin: expected days and hours with a time zone, such as 'Mon-Fri 09:00-17:30 Europe/Berlin' or 'Mon-Fri 09:00-17:30; Sat 10:00-14:00 Europe/Berlin', or nothing for always open (each span as DAYS HH:MM-HH:MM, such as 'Mon-Fri 09:00-17:30', not 'Mon-Fri 9-17')",
            "EVENTS_HEARTBEAT_SECONDS :: 0 :: Invalid setting EVENTS_HEARTBEAT_SECONDS=0: must be greater than or equal to 1",
            "EVENTS_STREAM_TIMEOUT_MINUTES :: 0 :: Invalid setting EVENTS_STREAM_TIMEOUT_MINUTES=0: must be greater than or equal to 1",
            "EVENTS_REPLAY_LIMIT :: 0 :: Invalid setting EVENTS_REPLAY_LIMIT=0: must be greater than or equal to 1",
            "SECRET_KEY :: short-key :: Invalid setting SECRET_KEY: expected a random value of at least 32 bytes that is not the example placeholder (for example: openssl rand -hex 32), or unset it to turn customer tokens off",
            "SECRET_KEY :: change-me-in-production :: Invalid setting SECRET_KEY: expected a random value of at least 32 bytes that is not the example placeholder (for example: openssl rand -hex 32), or unset it to turn customer tokens off",
            "ALGORITHM :: RS256 :: Invalid setting ALGORITHM=RS256: expected HS256 (the only algorithm supported)",
            "ACCESS_TOKEN_EXPIRE_MINUTES :: 0 :: Invalid setting ACCESS_TOKEN_EXPIRE_MINUTES=0: must be greater than or equal to 1",
            "TRUSTED_PROXIES :: garbage :: Invalid setting TRUSTED_PROXIES=garbage: expected IP addresses or CIDR ranges, comma-separated, such as 10.0.0.5,192.168.0.0/16; 'garbage' is not one",
            "TRUSTED_PROXIES :: 10.0.0.0/33 :: Invalid setting TRUSTED_PROXIES=10.0.0.0/33: expected IP addresses or CIDR ranges, comma-separated, such as 10.0.0.5,192.168.0.0/16; '10.0.0.0/33' is not one",
            "RATE_LIMIT_CHAT_PER_MINUTE :: -1 :: Invalid setting RATE_LIMIT_CHAT_PER_MINUTE=-1: must be greater than or equal to 0",
            "RATE_LIMIT_TOKEN_PER_MINUTE :: many :: Invalid setting RATE_LIMIT_TOKEN_PER_MINUTE=many: expected a whole number",
            "MAX_REQUEST_BYTES :: 10 :: Invalid setting MAX_REQUEST_BYTES=10: must be greater than or equal to 1024",
            "MAX_MESSAGE_CHARS :: 0 :: Invalid setting MAX_MESSAGE_CHARS=0: must be greater than or equal to 1",
            "MANAGEMENT_PORT :: abc :: Invalid setting MANAGEMENT_PORT=abc: expected a whole number",
            "MANAGEMENT_PORT :: -1 :: Invalid setting MANAGEMENT_PORT=-1: must be greater than or equal to 0",
            "ADMIN_API_KEY :: letmein-2024 :: Invalid setting ADMIN_API_KEY: expected a random value of at least 32 characters (for example: openssl rand -hex 32), or unset it to close the operator endpoints",
            "AUDIO_MAX_SECONDS :: 0 :: Invalid setting AUDIO_MAX_SECONDS=0: must be greater than or equal to 1",
            "DEEPGRAM_BASE_URL :: ftp://deepgram :: Invalid setting DEEPGRAM_BASE_URL: expected an http:// or https:// URL such as https://api.deepgram.com",
            "EVENTS_MAX_STREAMS :: 0 :: Invalid setting EVENTS_MAX_STREAMS=0: must be greater than or equal to 1",
            "EVENTS_MAX_STREAMS_PER_CLIENT :: lots :: Invalid setting EVENTS_MAX_STREAMS_PER_CLIENT=lots: expected a whole number",
            "EVENTS_MAX_STREAMS_PER_CONVERSATION :: -2 :: Invalid setting EVENTS_MAX_STREAMS_PER_CONVERSATION=-2: must be greater than or equal to 1",
            "HISTORY_CONTEXT_MESSAGES :: 0 :: Invalid setting HISTORY_CONTEXT_MESSAGES=0: must be greater than or equal to 2",
            "MAX_CONCURRENT_CHATS :: 0 :: Invalid setting MAX_CONCURRENT_CHATS=0: must be greater than or equal to 1",
            "OVERLOAD_TARGET_MS :: -5 :: Invalid setting OVERLOAD_TARGET_MS=-5: must be greater than or equal to 0",
            "MAX_MESSAGES_PER_CONVERSATION :: 1 :: Invalid setting MAX_MESSAGES_PER_CONVERSATION=1: must be greater than or equal to 10",
            "MAX_UPLOAD_BYTES :: 12MB :: Invalid setting MAX_UPLOAD_BYTES=12MB: expected a whole number",
            "OCR_THREADS :: 0 :: Invalid setting OCR_THREADS=0: must be greater than or equal to 1",
            "OFFLINE_ENGINE_WAIT_SECONDS :: -1 :: Invalid setting OFFLINE_ENGINE_WAIT_SECONDS=-1: must be greater than or equal to 0",
            "PRELOAD_OFFLINE_ENGINES :: sometimes :: Invalid setting PRELOAD_OFFLINE_ENGINES=sometimes: expected true or false",
            "RATE_LIMIT_MEDIA_PER_MINUTE :: -1 :: Invalid setting RATE_LIMIT_MEDIA_PER_MINUTE=-1: must be greater than or equal to 0",
            "SCREENSHOT_MAX_PIXELS :: 0 :: Invalid setting SCREENSHOT_MAX_PIXELS=0: must be greater than or equal to 1",
            "SCREENSHOT_RETENTION_DAYS :: forever :: Invalid setting SCREENSHOT_RETENTION_DAYS=forever: expected a whole number",
            "SPEECH_PROVIDER :: siri :: Invalid setting SPEECH_PROVIDER=siri: expected one of local, openai, deepgram",
            "SPEECH_THREADS :: 0 :: Invalid setting SPEECH_THREADS=0: must be greater than or equal to 1",
            "SPEECH_TIMEOUT_SECONDS :: 0 :: Invalid setting SPEECH_TIMEOUT_SECONDS=0: must be greater than or equal to 1",
            "MANAGEMENT_HOST :: not a host! :: Invalid setting MANAGEMENT_HOST=not a host!: expected an address of this machine, such as 0.0.0.0 (every interface) or 127.0.0.1",
            "DEBUG :: perhaps :: Invalid setting DEBUG=perhaps: expected true or false",
            "DEBUG :: yes :: Invalid setting DEBUG=yes: expected true or false",
            "LOG_FORMAT :: xml :: Invalid setting LOG_FORMAT=xml: expected plain or json",
            "LOG_FORMAT :: JSON :: Invalid setting LOG_FORMAT=JSON: expected plain or json",
    })
    void aBadValueIsNamedWithWhatTheSettingAccepts(String variable, String value, String line) {
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();

        settings(variable, value == null ? "" : value).withInitializer(started::set).run(context -> {
            assertThat(context).hasFailed();
            ConfigurableApplicationContext failed = started.get();
            assertThat(new SettingsFailureAnalyzer(failed.getEnvironment())
                    .describe(context.getStartupFailure())).isEqualTo(line);
        });
    }

    @Test
    void theDefaultsAreAllValid() {
        new ApplicationContextRunner().withInitializer(context -> context.getEnvironment().getPropertySources()
                .addLast(APPLICATION_YML)).withUserConfiguration(AllSettings.class)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aLongValueIsShownOnOneLineAndClipped() {
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();

        settings("AGORA_CHANNEL_PREFIX", "x".repeat(100) + "\nand more").withInitializer(started::set).run(context -> {
            ConfigurableApplicationContext failed = started.get();
            assertThat(new SettingsFailureAnalyzer(failed.getEnvironment())
                    .describe(context.getStartupFailure()))
                    .isEqualTo("Invalid setting AGORA_CHANNEL_PREFIX=" + "x".repeat(80) + "…: expected only "
                            + "letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,; size must be between 0 and 27");
        });
    }

    @Test
    void theReportIsBootsFailureAnalysisWithWhatToDo() {
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();

        settings("AI_TEMPERATURE", "hot").withInitializer(started::set).run(context -> {
            FailureAnalysis analysis = new SettingsFailureAnalyzer(started.get().getEnvironment())
                    .analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("Invalid setting AI_TEMPERATURE=hot: expected a number");
            assertThat(analysis.getAction())
                    .isEqualTo("Set it in the environment or in .env; docs/configuration.md says what each setting accepts.");
        });
        assertThat(new SettingsFailureAnalyzer(null).analyze(new IllegalStateException("not a setting"))).isNull();
    }

    private static ApplicationContextRunner settings(String variable, String value) {
        return new ApplicationContextRunner().withInitializer(context -> operator(context, variable, value))
                .withUserConfiguration(AllSettings.class);
    }

    /** The operator's variable over the service's application.yml. */
    private static void operator(ConfigurableApplicationContext context, String variable, String value) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("operator", Map.of(variable, value)));
        context.getEnvironment().getPropertySources().addLast(APPLICATION_YML);
    }

    private static PropertySource<?> applicationYml() {
        try {
            return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
