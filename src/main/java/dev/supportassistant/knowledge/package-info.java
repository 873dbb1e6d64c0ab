/**
 * The knowledge base: bundled help articles split into passages and searched lexically.
 */
package dev.supportassistant.knowledge;
