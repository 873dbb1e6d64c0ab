/**
 * The conversation use case: the chat endpoints, {@link dev.supportassistant.chat.ChatService} and the SQL conversation store.
 */
package dev.supportassistant.chat;
