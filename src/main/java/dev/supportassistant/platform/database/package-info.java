/**
 * Where the database is ({@code DATABASE_URL}: the embedded H2 file unless it names PostgreSQL), and
 * admission to it: a bounded, in-order queue in front of the connection pool that answers overload and outages with a quick refusal (503).
 */
@NamedInterface("database")
@NullMarked
package dev.supportassistant.platform.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
