/**
 * Usage figures for operators ({@code GET /api/v1/stats}): per provider, and for the replies people
 * wrote, added up in SQL from the stored conversations of a time window.
 */
@ApplicationModule(allowedDependencies = {"conversation"})
@NullMarked
package dev.supportassistant.stats;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
