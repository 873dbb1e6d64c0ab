package dev.supportassistant.platform.database;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points the data source at PostgreSQL when {@code DATABASE_URL} is set; without it the embedded
 * H2 file configured in {@code application.yml} is used. Translating the URL here keeps Boot's
 * own data source, pool and Flyway configuration in charge of everything else.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "databaseUrl";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(DatabaseUrl.VARIABLE);
        if (!StringUtils.hasText(url)) {
            return;
        }
        DatabaseUrl database = DatabaseUrl.parse(url,
                environment.getProperty("DATABASE_USERNAME"), environment.getProperty("DATABASE_PASSWORD"));
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        if (database.username() != null) {
            properties.put("spring.datasource.username", database.username());
        }
        if (database.password() != null) {
            properties.put("spring.datasource.password", database.password());
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
