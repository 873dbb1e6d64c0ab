/**
 * Customers rate the assistant's replies (thumbs up or down, with a comment): one rating a message,
 * shown with the message and counted in experiments' results.
 */
package dev.supportassistant.feedback;
