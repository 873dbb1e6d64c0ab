package dev.supportassistant.platform.config;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/**
 * Reports a start-up stopped by a failure one of the service's own failure analyzers recognises
 * (a bad setting, {@link SettingsFailureAnalyzer}; the embedded database held by another
 * instance, in {@code database}) as the one line its description is written to be, logged at
 * ERROR, instead of Boot's framed "APPLICATION FAILED TO START" report. It goes first among Boot's
 * reporters; any other failure it leaves to them, Boot's own analyzers included. The analyzers are
 * the {@code FailureAnalyzer}s of {@code META-INF/spring.factories} in the service's own packages.
 * {@link QuietFailedRefresh} keeps the context's own warning about the failure from preceding the line.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupFailureReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger(StartupFailureReporter.class);
    private static final String OWN_PACKAGES = "dev.supportassistant.";

    private final List<FailureAnalyzer> analyzers;

    /** @param context absent when start-up stopped before there was one (while reading the settings) */
    StartupFailureReporter(@Nullable ConfigurableApplicationContext context) {
        Environment environment = context == null ? null : context.getEnvironment();
        // Boot's own analyzers are in the list too; some need more than an environment to be built,
        // and are left out here as they would be anyway.
        this.analyzers = SpringFactoriesLoader.forDefaultResourceLocation(StartupFailureReporter.class.getClassLoader())
                .load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment), (type, name, failed) -> {
                    if (name.startsWith(OWN_PACKAGES)) {
                        throw new IllegalStateException("Cannot create failure analyzer " + name, failed);
                    }
                })
                .stream().filter(analyzer -> analyzer.getClass().getName().startsWith(OWN_PACKAGES)).toList();
    }

    @Override
    public boolean reportException(Throwable failure) {
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                log.error(analysis.getDescription());
                return true;
            }
        }
        return false;
    }
}
