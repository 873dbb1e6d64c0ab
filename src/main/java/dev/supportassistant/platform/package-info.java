/**
 * Cross-cutting concerns not yet in modules of their own: rate limits, the database's location and
 * admission, and the pools in front of the offline engines.
 */
package dev.supportassistant.platform;
