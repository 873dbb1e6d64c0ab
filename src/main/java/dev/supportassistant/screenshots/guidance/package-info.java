/**
 * What the assistant makes of a customer's screen beyond its text: which on-screen labels an answer
 * names and where they are ({@link dev.supportassistant.screenshots.guidance.ScreenLabels}), the
 * screenshot with those places marked ({@link dev.supportassistant.screenshots.guidance.AnnotatedScreenshot}),
 * whether a capture shows anything new ({@link dev.supportassistant.screenshots.guidance.ScreenFingerprint})
 * and which error messages it shows ({@link dev.supportassistant.screenshots.guidance.ScreenErrors}).
 * Internal to the screenshots module: its types are public only for the module's base package.
 */
@NullMarked
package dev.supportassistant.screenshots.guidance;

import org.jspecify.annotations.NullMarked;
