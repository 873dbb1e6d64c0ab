package dev.supportassistant;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import dev.supportassistant.agent.StreamReaderThreads;

/**
 * Prepares the test JVM, before the first test runs, as {@link SupportAssistantApplication#main}
 * prepares the service's: tests start the application without {@code main}, and in any order.
 */
public class TestJvmSetup implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        StreamReaderThreads.allowMany();
    }
}
