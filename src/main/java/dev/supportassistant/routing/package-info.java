/**
 * Which provider and model answer a turn: operator-written routing rules (cheap models for easy
 * questions, strong ones for confused customers), A/B experiments between providers, models and
 * prompts with sticky per-conversation assignment, the model price table, and the results report
 * of an experiment ({@code GET /api/v1/experiments/{name}}).
 */
@ApplicationModule(allowedDependencies = {"agent", "conversation", "platform :: config"})
@NullMarked
package dev.supportassistant.routing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
