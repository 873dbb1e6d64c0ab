/**
 * The Ollama agent: a self-hosted model server, through Spring AI's Ollama client.
 */
@NullMarked
package dev.supportassistant.agent.ollama;

import org.jspecify.annotations.NullMarked;
