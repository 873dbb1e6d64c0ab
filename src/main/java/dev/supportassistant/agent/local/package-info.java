/**
 * The built-in offline agent: answers from the knowledge base's passages, needs no key and no network.
 */
package dev.supportassistant.agent.local;
