/**
 * Cross-cutting concerns: settings from the environment and {@code .env}, the database location, start-up failure messages naming the bad setting, CORS, and the one place where errors become problem details.
 */
package dev.supportassistant.platform;
