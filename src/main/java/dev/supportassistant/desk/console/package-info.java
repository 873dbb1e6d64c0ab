/**
 * The operator's console inside the desk (operators' accounts only): the AI providers and which one
 * answers, the knowledge documents, usage charts, experiment results and the desk's accounts.
 */
@NullMarked
package dev.supportassistant.desk.console;

import org.jspecify.annotations.NullMarked;
