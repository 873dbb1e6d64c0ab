/**
 * The service's own endpoints: the API root and the health summary the frontend polls.
 */
package dev.supportassistant.system;
