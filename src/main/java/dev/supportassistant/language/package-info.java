/**
 * The customer's language: told offline from the text of their message (Lingua, with the models of
 * the languages the service speaks only), and the texts customers see in it (message bundles).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.supportassistant.language;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
