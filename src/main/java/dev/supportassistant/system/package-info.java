/**
 * The service's own endpoints: the API root and the health summary the frontend polls.
 */
@ApplicationModule(allowedDependencies = {"agent", "screenshare", "platform :: config"})
@NullMarked
package dev.supportassistant.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
