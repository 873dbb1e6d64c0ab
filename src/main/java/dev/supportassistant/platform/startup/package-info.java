/**
 * Start-up speed: a training workload the service runs against itself while the JDK records its
 * start-up cache, so that an instance started from the cache is warm from its first requests.
 */
@NullMarked
package dev.supportassistant.platform.startup;

import org.jspecify.annotations.NullMarked;
