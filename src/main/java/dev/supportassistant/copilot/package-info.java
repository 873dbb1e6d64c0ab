/**
 * The desk's copilot: replies the AI drafts for a support person to edit and send, written from
 * the conversation, its internal notes and the help passages that fit, through the same agent path
 * (and its provider fallbacks, and whatever guards that path) as the customer's turns. A draft is
 * never stored and never sent: the person sends it, or not.
 */
@ApplicationModule(allowedDependencies = {"agent", "confusion", "conversation", "knowledge"})
@NullMarked
package dev.supportassistant.copilot;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
