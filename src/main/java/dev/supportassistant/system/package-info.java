/**
 * The service's own endpoints: the API root and the health summary the frontend polls.
 */
@NullMarked
package dev.supportassistant.system;

import org.jspecify.annotations.NullMarked;
