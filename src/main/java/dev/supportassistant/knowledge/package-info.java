/**
 * The knowledge base: help articles split into passages, searched by meaning and by words.
 */
@NullMarked
package dev.supportassistant.knowledge;

import org.jspecify.annotations.NullMarked;
