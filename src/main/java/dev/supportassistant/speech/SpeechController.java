package dev.supportassistant.speech;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.supportassistant.platform.ratelimit.RateLimited;

/**
 * The original frontend's microphone ({@code POST /transcribe}) and speaker ({@code POST /tts}).
 * Speech answers carry who spoke in {@code X-Speech-Provider}, {@code X-Speech-Fallback: true}
 * with {@code X-Speech-Error} when the offline engine stood in, and {@code X-Speech-Truncated: true}
 * when the audio stops before the text's end ({@code TTS_MAX_CHARS}, {@code TTS_MAX_SECONDS}).
 */
@RestController
@RequestMapping("/api/v1")
class SpeechController {

    private final SpeechService speech;

    SpeechController(SpeechService speech) {
        this.speech = speech;
    }

    /** Text to speech: {@code {"text": "...", "voice": "..." (optional)}}. */
    record SpeechRequest(@Nullable String text, @Nullable String voice) {
    }

    /** Multipart field {@code file}: what MediaRecorder produced (any name), or a WAV. */
    @PostMapping(path = "/transcribe", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RateLimited(RateLimited.Limit.MEDIA)
    SpeechService.Transcript transcribe(@RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
        try {
            return speech.transcribe(file == null ? null : file.getBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @PostMapping("/tts")
    @RateLimited(RateLimited.Limit.MEDIA)
    ResponseEntity<byte[]> tts(@RequestBody SpeechRequest request) {
        SpeechService.Spoken spoken = speech.speak(request.text(), request.voice());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(spoken.audio().mediaType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Speech-Provider", spoken.provider());
        if (spoken.fallback()) {
            response.header("X-Speech-Fallback", "true").header("X-Speech-Error", spoken.error());
        }
        if (spoken.cut()) {
            response.header("X-Speech-Truncated", "true");
        }
        return response.body(spoken.audio().audio());
    }
}
