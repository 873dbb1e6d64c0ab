/**
 * The knowledge base: help articles split into passages, searched by meaning and by words.
 */
@ApplicationModule(allowedDependencies = {"embedding", "platform :: config", "platform :: web", "privacy"})
@NullMarked
package dev.supportassistant.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
