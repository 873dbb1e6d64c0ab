package dev.supportassistant.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * The title and version of the OpenAPI document ({@code /openapi.json}, {@code DEBUG=true} only):
 * the same name and build version {@code GET /} answers, instead of springdoc's "OpenAPI
 * definition", "v0".
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI openApi(@Value("${support.version}") String version) {
        return new OpenAPI().info(new Info().title(SystemController.NAME).version(version)
                .description("The backend behind a support chat widget: conversations, AI providers, confusion "
                        + "detection, screen sharing and the support desk."));
    }
}
