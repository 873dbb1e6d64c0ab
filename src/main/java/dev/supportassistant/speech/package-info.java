/**
 * Voice: speech to text for the customer's microphone (Vosk, offline; or OpenAI, or Deepgram) and
 * text to speech for the assistant's replies (FreeTTS, offline; or OpenAI, or Deepgram), with the
 * browsers' recording formats decoded in-process.
 */
@ApplicationModule(allowedDependencies = {"platform :: engines", "platform :: ratelimit", "platform :: web"})
@NullMarked
package dev.supportassistant.speech;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
