/**
 * The OpenAI agent: OpenAI's API or any OpenAI-compatible server, through Spring AI and OpenAI's official Java SDK.
 */
@NullMarked
package dev.supportassistant.agent.openai;

import org.jspecify.annotations.NullMarked;
