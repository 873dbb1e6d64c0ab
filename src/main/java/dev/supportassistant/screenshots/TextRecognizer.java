package dev.supportassistant.screenshots;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;
import org.jspecify.annotations.Nullable;

import dev.supportassistant.media.BundledModels;
import dev.supportassistant.media.EnginePool;

/**
 * Reads the text on a screenshot with Tesseract (through JavaCPP, offline, with the English model
 * bundled at build). A {@code TessBaseAPI} must not be used by two threads at once, so each call
 * borrows one of at most {@code OCR_THREADS} from a pool; they are made on first need (about half a
 * second each) and kept.
 *
 * <p>One pool serves the whole JVM, like the embedding model: the engines hold native memory and
 * nothing of an application context, and tests start many contexts.
 */
final class TextRecognizer {

    /** Tesseract reads text best at 20 or more pixels a letter; screenshots of small windows are upscaled. */
    private static final int MIN_WIDTH = 800;
    private static final int MIN_HEIGHT = 600;
    /** Screens are about 96 dots an inch; upscaled ones proportionally more. */
    private static final int SCREEN_DPI = 96;

    private static @Nullable EnginePool<TessBaseAPI> shared;

    private final EnginePool<TessBaseAPI> engines;

    TextRecognizer(int threads, Duration wait) {
        this.engines = pool(threads, wait);
    }

    private static synchronized EnginePool<TessBaseAPI> pool(int threads, Duration wait) {
        if (shared == null) {
            shared = new EnginePool<>("text recognizer (OCR)", threads, wait, TextRecognizer::engine);
        }
        return shared;
    }

    private static TessBaseAPI engine() {
        Path models = BundledModels.folder("tessdata");
        TessBaseAPI api = new TessBaseAPI();
        if (api.Init(models.toString(), "eng") != 0) {
            api.close();
            throw new IllegalStateException("Tesseract could not load its English model from " + models);
        }
        // No "Invalid resolution" warnings on standard error: the resolution is set with each image.
        api.SetVariable("debug_file", "/dev/null");
        return api;
    }

    /** Loads one engine now (in the background after start-up), so the first screenshot does not wait. */
    void warmUp() {
        engines.warmUp();
    }

    /** The text on the image, lines kept, blank lines dropped; empty when there is none. */
    String read(BufferedImage image) {
        BufferedImage gray = grayForOcr(image);
        int scale = gray.getWidth() / Math.max(1, image.getWidth());
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        String text = engines.use(api -> {
            try {
                api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
                api.SetSourceResolution(SCREEN_DPI * Math.max(1, scale));
                BytePointer utf8 = api.GetUTF8Text();
                try {
                    return utf8 == null ? "" : utf8.getString(StandardCharsets.UTF_8);
                } finally {
                    if (utf8 != null) {
                        utf8.deallocate();
                    }
                }
            } finally {
                api.Clear();
            }
        });
        return text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /**
     * Eight-bit gray, upscaled by a whole factor when small (as the original backend did: at least
     * twice, up to 800 x 600), with bicubic interpolation.
     */
    static BufferedImage grayForOcr(BufferedImage image) {
        int scale = 1;
        if (image.getWidth() < MIN_WIDTH || image.getHeight() < MIN_HEIGHT) {
            scale = Math.max(2, Math.min(MIN_WIDTH / image.getWidth(), MIN_HEIGHT / image.getHeight()));
            scale = Math.min(scale, 4);
        }
        BufferedImage gray = new BufferedImage(image.getWidth() * scale, image.getHeight() * scale,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
            g.drawImage(image, 0, 0, gray.getWidth(), gray.getHeight(), null);
        } finally {
            g.dispose();
        }
        return gray;
    }
}
