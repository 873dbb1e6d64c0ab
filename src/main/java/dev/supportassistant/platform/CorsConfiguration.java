package dev.supportassistant.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the browser frontend call the API from the origins in {@code CORS_ORIGINS}, with
 * credentials, as the old backend did. Preflight requests from other origins are refused.
 * {@code CORS_ORIGINS=*} allows every origin, but never with credentials: any web page could
 * otherwise act with the visitor's cookies or HTTP authentication.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

    private final ApiSettings settings;

    CorsConfiguration(ApiSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        boolean anyOrigin = settings.corsOrigins().contains("*");
        var mapping = registry.addMapping("/**");
        if (anyOrigin) {
            mapping.allowedOrigins("*").allowCredentials(false);
        } else {
            mapping.allowedOriginPatterns(settings.corsOrigins().toArray(String[]::new)).allowCredentials(true);
        }
        mapping.allowedMethods("GET", "POST", "PUT", "DELETE", "OPTIONS")
                .allowedHeaders("*")
                .maxAge(3600);
    }
}
