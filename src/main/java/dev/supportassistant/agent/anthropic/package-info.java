/**
 * The Anthropic agent: Claude models through Spring AI and Anthropic's official Java SDK.
 */
package dev.supportassistant.agent.anthropic;
