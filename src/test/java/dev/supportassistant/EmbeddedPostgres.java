package dev.supportassistant;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server (io.zonky embedded binaries, no Docker) for the whole test run,
 * started on first use and stopped when the JVM exits.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    public static synchronized int port() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory goes with it
                }
            }));
        }
        return server.getPort();
    }

    /** A fresh, empty database on the shared server, as a {@code postgresql://} URL. */
    public static String newDatabaseUrl(String name) {
        return "postgresql://postgres:postgres@localhost:" + create(name) + "/" + name;
    }

    /** A fresh, empty database on the shared server, as a JDBC URL (user and password {@code postgres}). */
    public static String newJdbcUrl(String name) {
        return "jdbc:postgresql://localhost:" + create(name) + "/" + name;
    }

    private static int create(String name) {
        int port = port();
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return port;
    }
}
