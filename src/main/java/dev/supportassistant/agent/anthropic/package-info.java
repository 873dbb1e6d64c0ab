/**
 * The Anthropic agent: Claude models through Spring AI and Anthropic's official Java SDK.
 */
@NullMarked
package dev.supportassistant.agent.anthropic;

import org.jspecify.annotations.NullMarked;
