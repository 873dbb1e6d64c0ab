package dev.supportassistant.platform.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * While the application context is being built, holds back the lines that announce a failure
 * before it is reported: the context's WARN "Exception encountered during context initialization
 * - cancelling refresh attempt: " with the whole chain of beans, and the embedded Tomcat's ERROR
 * "Error starting Tomcat context" for a bean that failed while the web server started. They would
 * otherwise stand above the one line naming a bad setting. Nothing is lost: every failure is
 * reported right after, by {@link StartupFailureReporter} or, for any other cause, by Boot in
 * full. The loggers get their own levels back as soon as start-up succeeds or fails.
 */
class QuietFailedRefresh implements SpringApplicationRunListener {

    /** Logs the web server's start-up failure "for information", before the main thread reports it. */
    private static final String TOMCAT_STARTUP = "org.springframework.boot.tomcat.servlet.DeferredServletContainerInitializers";

    private @Nullable LoggingSystem logging;
    private final Map<String, @Nullable LogLevel> configured = new LinkedHashMap<>();

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        logging = LoggingSystem.get(context.getClassLoader());
        quiet(context.getClass().getName(), LogLevel.ERROR);
        quiet(TOMCAT_STARTUP, LogLevel.OFF);
    }

    @Override
    public void started(ConfigurableApplicationContext context, Duration timeTaken) {
        restore();
    }

    @Override
    public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
        restore();
    }

    private void quiet(String logger, LogLevel level) {
        LoggerConfiguration current = logging.getLoggerConfiguration(logger);
        configured.put(logger, current == null ? null : current.getConfiguredLevel());
        logging.setLogLevel(logger, level);
    }

    private void restore() {
        if (logging != null) {
            configured.forEach(logging::setLogLevel);
            configured.clear();
            logging = null;
        }
    }
}
