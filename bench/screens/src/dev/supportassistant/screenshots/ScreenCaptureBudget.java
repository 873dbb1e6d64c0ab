package dev.supportassistant.screenshots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.supportassistant.screenshots.guidance.AnnotatedScreenshot;
import dev.supportassistant.screenshots.guidance.GuidanceStep;
import dev.supportassistant.screenshots.guidance.ScreenErrors;
import dev.supportassistant.screenshots.guidance.ScreenFingerprint;
import dev.supportassistant.screenshots.guidance.ScreenLabels;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one capture of a shared screen costs the processor (bench/screens/run.sh runs it): a new
 * capture (fingerprint, OCR with word boxes, the labels an answer names, the labels offered to
 * providers, the errors on screen) against a duplicate (fingerprint and comparison only), on a
 * 1920 x 1080 desktop drawn here ({@link ScreenDrawings#desktop()}), as PNG. The processor time is
 * the whole process's (Tesseract's own threads included), per capture, after a warm-up; one capture
 * at a time. Prints Markdown lines for bench/RESULTS.md, and writes the capture with the answer's
 * steps marked to {@code target/screen-guidance-desktop.png}.
 *
 * <p>Usage: {@code ScreenCaptureBudget [NEW_CAPTURES] [DUPLICATES]}
 */
public final class ScreenCaptureBudget {

    private static final String ANSWER = "I can see the payment gateway timed out. Click **Retry payment** to try "
            + "again; if it fails again, choose Change payment method, or press \"Cancel order\".";

    private ScreenCaptureBudget() {
    }

    public static void main(String[] args) {
        int captures = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int duplicates = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        byte[] png = ScreenDrawings.desktop().png();
        TextRecognizer ocr = new TextRecognizer(1, Duration.ofMinutes(1));
        ScreenFingerprint previous = ScreenFingerprint.of(png).orElseThrow();
        ScreenText[] screen = new ScreenText[1];
        @SuppressWarnings("unchecked")
        List<GuidanceStep>[] steps = new List[1];

        Runnable duplicate = () -> {
            if (!ScreenFingerprint.of(png).orElseThrow().nearlyIdentical(previous)) {
                throw new IllegalStateException("the same capture was taken for a new one");
            }
        };
        Runnable fresh = () -> {
            ScreenFingerprint.of(png).orElseThrow().nearlyIdentical(previous);
            screen[0] = ocr.read(png).screen();
            steps[0] = ScreenLabels.pointedAt(ANSWER, screen[0]);
            ScreenLabels.visible(screen[0]);
            ScreenErrors.newIn(screen[0], List.of());
        };
        Runnable guidance = () -> {
            ScreenLabels.pointedAt(ANSWER, screen[0]);
            ScreenLabels.visible(screen[0]);
            ScreenErrors.newIn(screen[0], List.of());
        };
        Runnable annotated = () -> AnnotatedScreenshot.png(png, steps[0]);
        // What the service adds to a capture besides the engines' work (ScreenshotService, ScreenshotStore):
        // the fingerprint kept as text, and the words' JSON, written for a new capture, and for a
        // duplicate read back from the previous capture and written again with the copy.
        JsonMapper json = JsonMapper.builder().build();
        String[] stored = new String[2];
        Runnable keptNew = () -> {
            stored[0] = previous.encoded();
            stored[1] = json.writeValueAsString(new ScreenshotStore.StoredLines(screen[0].lines()));
        };
        Runnable duplicateInService = () -> {
            ScreenFingerprint now = ScreenFingerprint.of(png).orElseThrow();
            if (!ScreenFingerprint.decoded(stored[0]).orElseThrow().nearlyIdentical(now)) {
                throw new IllegalStateException("the same capture was taken for a new one");
            }
            ScreenText copied = ScreenText.of(json.readValue(stored[1], ScreenshotStore.StoredLines.class).lines());
            json.writeValueAsString(new ScreenshotStore.StoredLines(copied.lines()));
            now.encoded();
        };

        measure(() -> "warm-up", fresh, 3);
        measure(() -> "warm-up", duplicate, 20);
        keptNew.run();
        measure(() -> "warm-up", duplicateInService, 20);
        System.out.printf(Locale.ROOT, "- 1920x1080 PNG of %d KB, %d words read, steps %s, errors %s, %d labels offered%n",
                png.length / 1024, screen[0].words().size(), steps[0].stream().map(GuidanceStep::label).toList(),
                ScreenErrors.in(screen[0]).stream().map(error -> error.text()).toList(),
                ScreenLabels.visible(screen[0]).size());
        measure(() -> "new capture (fingerprint, OCR, guidance)", fresh, captures);
        measure(() -> "duplicate capture (fingerprint only)", duplicate, duplicates);
        measure(() -> "of which guidance alone (labels named, labels offered, errors)", guidance, duplicates);
        measure(() -> "annotated PNG of the capture (GET ?guidance=)", annotated, captures);
        measure(() -> "of which OCR alone", () -> ocr.read(png), captures);
        System.out.printf(Locale.ROOT, "- kept with the capture: fingerprint %d characters, words' JSON %d KB%n",
                stored[0].length(), stored[1].length() / 1024);
        measure(() -> "the service's duplicate (fingerprint, previous one's decoded, words' JSON read and written)",
                duplicateInService, duplicates);
        measure(() -> "the service's extra for a new capture (fingerprint made text, words' JSON written)", keptNew,
                duplicates);
        Path marked = Path.of("target", "screen-guidance-desktop.png");
        try {
            Files.write(marked, AnnotatedScreenshot.png(png, steps[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("- the capture with its steps marked: " + marked);
    }

    private static void measure(Supplier<String> name, Runnable work, int times) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < times; i++) {
            work.run();
        }
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / times;
        double wallMs = (System.nanoTime() - wall) / 1e6 / times;
        if (!"warm-up".equals(name.get())) {
            System.out.printf(Locale.ROOT, "- %s: %.1f ms of processor time, %.1f ms wall, per capture (%d runs)%n",
                    name.get(), cpuMs, wallMs, times);
        }
    }
}
