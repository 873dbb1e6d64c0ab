/**
 * The knowledge base: help articles split into passages, searched by meaning and by words.
 */
package dev.supportassistant.knowledge;
