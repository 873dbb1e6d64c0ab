/**
 * Where the database is ({@code DATABASE_URL}), HikariCP's limits on it, and group commit on the embedded H2 file.
 */
@NamedInterface("database")
@NullMarked
package dev.supportassistant.platform.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
