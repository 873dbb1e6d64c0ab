/**
 * The built-in offline agent: answers from the knowledge base's passages, needs no key and no network.
 */
@NullMarked
package dev.supportassistant.agent.local;

import org.jspecify.annotations.NullMarked;
