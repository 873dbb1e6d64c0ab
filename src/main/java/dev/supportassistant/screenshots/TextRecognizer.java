package dev.supportassistant.screenshots;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;
import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.engines.BundledModels;
import dev.supportassistant.platform.engines.EnginePool;
import dev.supportassistant.platform.web.UploadRejectedException;

/**
 * Reads the text on a screenshot with Tesseract (through JavaCPP, offline, with the English model
 * bundled at build). A {@code TessBaseAPI} must not be used by two threads at once, so each call
 * borrows one of at most {@code OCR_THREADS} from a pool; they are made on first need (about half a
 * second each) and kept. The image is decoded and turned grey only once an engine is lent, so that
 * however many screenshots arrive at once, at most {@code OCR_THREADS} are in memory decoded; the
 * others wait without costing more than their bytes, and get 503 after {@code OFFLINE_ENGINE_WAIT_SECONDS}.
 *
 * <p>One pool serves the whole JVM, like the embedding model: the engines hold native memory and
 * nothing of an application context, and tests start many contexts.
 */
final class TextRecognizer {

    /** Tesseract reads text best at 20 or more pixels a letter; screenshots of small windows are upscaled. */
    private static final int MIN_WIDTH = 800;
    private static final int MIN_HEIGHT = 600;
    /**
     * The most pixels an upscaled image may have (a 4K screen's, 8 MB in grey): upscaling is for
     * small windows, and a narrow but very tall image (799 x 50,000) is not one.
     */
    static final long MAX_UPSCALED_PIXELS = 3840L * 2160;
    /** Screens are about 96 dots an inch; upscaled ones proportionally more. */
    private static final int SCREEN_DPI = 96;

    private static @Nullable EnginePool<TessBaseAPI> shared;

    private final EnginePool<TessBaseAPI> engines;

    TextRecognizer(int threads, Duration wait) {
        this(pool(threads, wait));
    }

    /** With a pool of its own (tests). */
    TextRecognizer(EnginePool<TessBaseAPI> engines) {
        this.engines = engines;
    }

    /** What OCR read on an image (empty when nothing), and the image's size as decoded. */
    record Reading(String text, int width, int height) {
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

    /**
     * Decodes the image (PNG or JPEG, its header already checked) and reads its text, lines kept,
     * blank lines dropped, all with an engine of its own.
     *
     * @throws UploadRejectedException 422 when the image cannot be decoded
     */
    Reading read(byte[] encoded) {
        return engines.use(api -> {
            BufferedImage image = decode(encoded);
            String text = read(api, image);
            return new Reading(text.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse(""), image.getWidth(), image.getHeight());
        });
    }

    private static String read(TessBaseAPI api, BufferedImage image) {
        BufferedImage gray = grayForOcr(image);
        int scale = gray.getWidth() / Math.max(1, image.getWidth());
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
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
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            // In memory: ImageIO would otherwise copy the customer's screen to a temporary file while decoding.
            BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
            if (image == null) {
                throw UploadRejectedException.unreadable("file: the image cannot be decoded");
            }
            return image;
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof UploadRejectedException rejected) {
                throw rejected;
            }
            throw UploadRejectedException.unreadable("file: the image cannot be decoded");
        }
    }

    /**
     * Eight-bit gray, upscaled by a whole factor when small (as the original backend did: at least
     * twice, up to 800 x 600), with bicubic interpolation.
     */
    static BufferedImage grayForOcr(BufferedImage image) {
        int scale = upscale(image.getWidth(), image.getHeight());
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

    /**
     * The whole factor a small image is upscaled by for OCR (1: not at all): at least twice, up to
     * 800 x 600 and at most four times, as the original backend did, but never past
     * {@link #MAX_UPSCALED_PIXELS}.
     */
    static int upscale(int width, int height) {
        if (width >= MIN_WIDTH && height >= MIN_HEIGHT) {
            return 1;
        }
        int scale = Math.min(4, Math.max(2, Math.min(MIN_WIDTH / width, MIN_HEIGHT / height)));
        while (scale > 1 && (long) width * scale * height * scale > MAX_UPSCALED_PIXELS) {
            scale--;
        }
        return scale;
    }
}
