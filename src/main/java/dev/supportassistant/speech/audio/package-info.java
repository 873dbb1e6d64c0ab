/**
 * The browsers' recordings decoded in-process to 16 kHz mono speech for the recognizer: the kind told
 * from the first bytes (a browser labels everything {@code audio.wav}), WAV through the JDK, Ogg and
 * WebM containers with Opus (Concentus), MP4 with AAC (JCodec and JAAD), plain or fragmented. Internal
 * to the {@code speech} module; {@link dev.supportassistant.speech.audio.RecordedAudio} is its entry.
 */
@NullMarked
package dev.supportassistant.speech.audio;

import org.jspecify.annotations.NullMarked;
