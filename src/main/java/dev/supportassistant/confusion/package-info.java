/**
 * Confusion detection: scores a customer's message (0.0 to 1.0) and explains the score with signals.
 */
package dev.supportassistant.confusion;
