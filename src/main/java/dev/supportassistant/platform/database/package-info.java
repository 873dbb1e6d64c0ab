/**
 * Where the database is ({@code DATABASE_URL}: the embedded H2 file unless it names PostgreSQL), the
 * connection pool's limits (HikariCP's: one connection on the H2 file, refusals answered 503), and
 * group commit on the H2 file.
 */
@NamedInterface("database")
@NullMarked
package dev.supportassistant.platform.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
