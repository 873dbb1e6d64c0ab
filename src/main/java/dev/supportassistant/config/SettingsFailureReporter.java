package dev.supportassistant.config;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a start-up stopped by a bad setting as the one line {@link SettingsFailureAnalyzer}
 * writes, logged at ERROR, instead of Boot's framed "APPLICATION FAILED TO START" report. It goes
 * first among Boot's reporters; any other failure it leaves to them. {@link QuietFailedRefresh}
 * keeps the context's own warning about the failure from preceding the line.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingsFailureReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger(SettingsFailureReporter.class);

    private final SettingsFailureAnalyzer analyzer;

    /** @param context absent when start-up stopped before there was one (while reading the settings) */
    SettingsFailureReporter(@Nullable ConfigurableApplicationContext context) {
        this.analyzer = new SettingsFailureAnalyzer(context == null ? null : context.getEnvironment());
    }

    @Override
    public boolean reportException(Throwable failure) {
        String line = analyzer.describe(failure);
        if (line == null) {
            return false;
        }
        log.error(line);
        return true;
    }
}
