package dev.supportassistant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.supportassistant.agent.StreamReaderThreads;

/**
 * The AI support assistant: a chat backend that keeps conversations, answers through a
 * switchable AI provider, notices confused customers and offers them screen sharing.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportAssistantApplication {

    public static void main(String[] args) {
        StreamReaderThreads.allowMany();
        SpringApplication.run(SupportAssistantApplication.class, args);
    }
}
