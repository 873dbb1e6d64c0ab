package dev.supportassistant.platform;

import java.time.Duration;

import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * While the application context is being built, holds back the context's own WARN line about a
 * failure ("Exception encountered during context initialization - cancelling refresh attempt: "
 * followed by the whole chain of beans), which would otherwise stand above the one line naming a
 * bad setting. Nothing is lost: every failure is reported right after, by
 * {@link SettingsFailureReporter} or, for any other cause, by Boot in full. The context's logger
 * gets its own level back as soon as start-up succeeds or fails.
 */
class QuietFailedRefresh implements SpringApplicationRunListener {

    private LoggingSystem logging;
    private String logger;
    private LogLevel configured;

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        logging = LoggingSystem.get(context.getClassLoader());
        logger = context.getClass().getName();
        LoggerConfiguration current = logging.getLoggerConfiguration(logger);
        configured = current == null ? null : current.getConfiguredLevel();
        logging.setLogLevel(logger, LogLevel.ERROR);
    }

    @Override
    public void started(ConfigurableApplicationContext context, Duration timeTaken) {
        restore();
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        restore();
    }

    private void restore() {
        if (logging != null) {
            logging.setLogLevel(logger, configured);
            logging = null;
        }
    }
}
