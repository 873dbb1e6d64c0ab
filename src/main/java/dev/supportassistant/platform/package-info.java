/**
 * The plumbing every product module uses, one module with a sub-package per concern, each a named
 * interface the others declare in their {@code allowedDependencies}: {@code config} (settings),
 * {@code database} (where it is, the pool's limits, group commit), {@code web} (the HTTP edge and its errors),
 * {@code security} (who calls, what they may do), {@code ratelimit} (per-client budgets) and
 * {@code engines} (offline engines lent one caller at a time, and their bundled models).
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package dev.supportassistant.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
