package dev.supportassistant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port, with its own in-memory H2 database. Every test class that
 * uses exactly this annotation (and no other configuration) shares one application context, so
 * keep additions here rather than per class. Its limits are small enough for a test to reach
 * ({@code ConversationCapTest}, {@code EventStreamCapsTest}) and far above what the others use.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({RememberedEmbeddings.class, QuickPasswordHashing.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        // No provider credentials, whatever the developer's environment or .env holds: the
        // service must run on the local agent alone.
        "support.agent.openai.api-key=", "support.agent.anthropic.api-key=", "support.agent.ollama.base-url=",
        // One experiment, so that the operator's Experiments page is read with one configured. Both
        // arms are the local agent on the smallest share, so hardly any other test's conversation
        // lands in it, and one that does is answered as it would be anyway.
        "EXPERIMENTS=[{\"name\": \"console-check\", \"variants\": [{\"name\": \"plain\", \"percent\": 0.01,"
                + " \"provider\": \"local\"}, {\"name\": \"terse\", \"percent\": 0.01, \"provider\": \"local\"}]}]",
        // Limits a test reaches in a few requests: a conversation full at 20 messages, 40 open
        // event streams in all (the per-conversation and per-client caps keep their defaults).
        "MAX_MESSAGES_PER_CONVERSATION=20", "EVENTS_MAX_STREAMS=40",
        // The default origins, and a company's site that embeds the widget (WidgetBrowserIT), on a
        // port outside the ephemeral range that the test reads from ApiSettings.
        "CORS_ORIGINS=http://localhost:3000,http://127.0.0.1:3000,http://127.0.0.1:${random.int[20000,30000]}" })
public @interface ServiceTest {
}
