package dev.supportassistant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service as in {@link ServiceTest}, with limits small enough to reach in a test and the
 * operator settings that differ from the shared context's: event-stream caps, a short conversation
 * cap, {@code CORS_ORIGINS=*} and a management port of its own. Every test class that uses exactly
 * this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "support.agent.openai.api-key=", "support.agent.anthropic.api-key=", "support.agent.ollama.base-url=",
        "EVENTS_MAX_STREAMS=6", "EVENTS_MAX_STREAMS_PER_CONVERSATION=2", "EVENTS_MAX_STREAMS_PER_CLIENT=3",
        "MAX_MESSAGES_PER_CONVERSATION=10", "CORS_ORIGINS=*", "MANAGEMENT_PORT=0" })
public @interface LimitedServiceTest {
}
