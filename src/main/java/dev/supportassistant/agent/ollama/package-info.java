/**
 * The Ollama agent: a self-hosted model server, through Spring AI's Ollama client.
 */
package dev.supportassistant.agent.ollama;
