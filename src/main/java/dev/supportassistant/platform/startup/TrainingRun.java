package dev.supportassistant.platform.startup;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The training run: started with {@code -Dsupport.training.requests=N} (by {@code start.sh}, while the
 * JDK records its start-up cache), the service sends itself N requests of {@link TrainingWorkload}
 * once it is ready, then exits, with status 1 when any failed. On JDK 25 and newer the AOT cache then
 * holds the classes the workload loaded and linked and its methods' profiles (JEP 515), so an instance
 * started from it compiles the hot code early instead of after minutes of load.
 */
@Component
@ConditionalOnProperty("support.training.requests")
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final int requests;

    TrainingRun(@Value("${support.training.requests}") int requests) {
        this.requests = requests;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        int failed;
        try {
            int tenth = Math.max(1, requests / 10);
            failed = new TrainingWorkload(URI.create("http://127.0.0.1:" + port)).run(requests, sent -> {
                if (sent % tenth == 0) {
                    log.info("Training run: {} of {} requests", sent, requests);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = requests;
        } catch (java.io.IOException e) {
            log.error("Training run stopped: {}", e.toString());
            failed = requests;
        }
        if (failed > 0) {
            log.error("Training run: {} requests were not answered with 2xx", failed);
        }
        int status = failed == 0 ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
