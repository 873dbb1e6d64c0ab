package dev.supportassistant;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One service started as a fresh installation runs it, with nothing configured beyond the test
 * settings that every service needs: no admin key, no agent tokens and no desk account (so there is
 * no desk), no Agora credentials (so no screen sharing). Its API answers pages on any origin
 * ({@code CORS_ORIGINS=*}, without credentials), so that the customer's widget can be used on it from
 * a company's site ({@code WidgetWithoutDeskIT}). Started by the first test class that needs
 * it and closed when the test run ends; each such class gets its client from {@link #api()}. Tests
 * that change its state (a desk account) put it back.
 */
public final class NothingConfigured implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NothingConfigured.class);

    private static RunningService service;

    @Override
    public void beforeAll(ExtensionContext context) {
        service = context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningService.class,
                type -> RunningService.start("spring.datasource.url=jdbc:h2:mem:nothing-configured-" + System.nanoTime()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "ADMIN_API_KEY=", "SECRET_KEY=", "AGORA_APP_ID=",
                        "AGORA_APP_CERTIFICATE=", "CORS_ORIGINS=*"),
                RunningService.class);
    }

    public static RunningService service() {
        return service;
    }

    public static ApiClient api() {
        return service.api();
    }
}
