package dev.supportassistant.platform.database;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Start-up stopped because another instance (a second {@code ./start.sh} in the same folder) has the
 * embedded H2 file open: Boot's failure report names the file and what to do, not every bean's trace.
 */
class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

    /** H2's {@code ErrorCode.DATABASE_ALREADY_OPEN_1}; H2 is only on the runtime class path. */
    static final int DATABASE_ALREADY_OPEN = 90020;
    private static final Pattern FILE = Pattern.compile("\"([^\"]+)\"");
    private static final String ACTION = "Stop the other instance first (only one instance can open the embedded "
            + "database), or run this one in another folder, or let both share a PostgreSQL database (DATABASE_URL).";

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException locked && locked.getErrorCode() == DATABASE_ALREADY_OPEN) {
                Matcher file = FILE.matcher(String.valueOf(locked.getMessage()));
                return new FailureAnalysis("The embedded database" + (file.find() ? " " + file.group(1) : "")
                        + " is in use by another instance of the service.", ACTION, failure);
            }
        }
        return null;
    }
}
