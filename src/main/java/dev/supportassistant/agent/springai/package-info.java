/**
 * What the Spring AI providers (OpenAI, Anthropic, Ollama) share: the base agent, the prompt every
 * model reads, threads for the vendor SDKs' calls and streams, and what their failures mean.
 */
@NullMarked
package dev.supportassistant.agent.springai;

import org.jspecify.annotations.NullMarked;
