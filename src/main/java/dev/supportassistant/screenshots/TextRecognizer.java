package dev.supportassistant.screenshots;

import static org.bytedeco.tesseract.global.tesseract.PSM_SPARSE_TEXT;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorDelete;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ResultIterator;
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
 * Besides the text it keeps each word's box and confidence ({@link ScreenText}), mapped back to the
 * screenshot's own pixels: what screen guidance points with.
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
    /**
     * The most words kept of one image, beyond any screen's (a 4K screen of small print holds a few
     * thousand): their boxes are kept in memory with the reading.
     */
    static final int MAX_WORDS = 10_000;
    /** Fewer pixels high than any legible letter (in the screenshot's pixels). */
    private static final int MIN_WORD_HEIGHT = 3;
    /**
     * Half the side of the square that tells a dark background from dark text, in the screenshot's
     * pixels: about half a button's height, more than a letter's strokes.
     */
    static final int BACKGROUND_RADIUS = 16;
    /** A grey level below this is dark (of 255). */
    private static final int DARK = 128;
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

    /**
     * What OCR read on an image (nothing: {@link ScreenText#EMPTY}), with its words' boxes, and the
     * image's size as decoded.
     */
    record Reading(ScreenText screen, int width, int height) {

        /** The text line by line, empty when nothing was read. */
        String text() {
            return screen.text();
        }
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
        // A screen is not a page: labels, buttons and menus scattered in rows and columns. Sparse
        // text finds each on its own, where reading it as one block of text (the API's default)
        // ran a row's buttons into one line and dropped some (bench/RESULTS.md, screen guidance).
        api.SetPageSegMode(PSM_SPARSE_TEXT);
        return api;
    }

    /** Loads one engine now (in the background after start-up), so the first screenshot does not wait. */
    void warmUp() {
        engines.warmUp();
    }

    /**
     * Runs other work on a whole screenshot (drawing on it) in one of the pool's places, so that at
     * most {@code OCR_THREADS} screenshots are decoded at once, whatever they are decoded for.
     */
    <R> R bounded(java.util.function.Supplier<R> work) {
        return engines.use(api -> work.get());
    }

    /**
     * Decodes the image (PNG or JPEG, its header already checked) and reads its text, lines kept,
     * blank lines dropped, and its words with their boxes, all with an engine of its own.
     *
     * @throws UploadRejectedException 422 when the image cannot be decoded
     */
    Reading read(byte[] encoded) {
        return engines.use(api -> {
            BufferedImage image = decode(encoded);
            return new Reading(read(api, image), image.getWidth(), image.getHeight());
        });
    }

    private static ScreenText read(TessBaseAPI api, BufferedImage image) {
        BufferedImage gray = grayForOcr(image);
        int scale = Math.max(1, gray.getWidth() / Math.max(1, image.getWidth()));
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        try {
            api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
            api.SetSourceResolution(SCREEN_DPI * scale);
            if (api.Recognize(null) != 0) {
                return ScreenText.EMPTY;
            }
            ResultIterator words = api.GetIterator();
            if (words == null) {
                return ScreenText.EMPTY;
            }
            try {
                return ScreenText.of(lines(words, scale, image.getWidth(), image.getHeight()));
            } finally {
                TessResultIteratorDelete(words);
            }
        } finally {
            api.Clear();
        }
    }

    /**
     * The words, line by line, their boxes mapped back from the enlarged grey image OCR read to
     * the screenshot's own pixels. At most {@link #MAX_WORDS}.
     */
    private static List<ScreenText.Line> lines(ResultIterator iterator, int scale, int width, int height) {
        List<ScreenText.Line> lines = new ArrayList<>();
        List<ScreenText.Word> line = new ArrayList<>();
        int[] left = new int[1];
        int[] top = new int[1];
        int[] right = new int[1];
        int[] bottom = new int[1];
        int count = 0;
        do {
            if (iterator.Empty(RIL_WORD)) {
                continue;
            }
            if (iterator.IsAtBeginningOf(RIL_TEXTLINE) && !line.isEmpty()) {
                lines.add(ScreenText.Line.of(line));
                line = new ArrayList<>();
            }
            String text = utf8(iterator.GetUTF8Text(RIL_WORD)).strip();
            if (text.isEmpty() || !iterator.BoundingBox(RIL_WORD, left, top, right, bottom)
                    || bottom[0] - top[0] < MIN_WORD_HEIGHT * scale) {
                // Thinner than any letter: the edge of a box or a rule, read as a dash.
                continue;
            }
            int x = Math.min(width, left[0] / scale);
            int y = Math.min(height, top[0] / scale);
            int x2 = Math.min(width, Math.max(x, ceilDiv(right[0], scale)));
            int y2 = Math.min(height, Math.max(y, ceilDiv(bottom[0], scale)));
            line.add(new ScreenText.Word(text, new ScreenText.Box(x, y, x2 - x, y2 - y),
                    iterator.Confidence(RIL_WORD)));
            count++;
        } while (count < MAX_WORDS && iterator.Next(RIL_WORD));
        if (!line.isEmpty()) {
            lines.add(ScreenText.Line.of(line));
        }
        return inReadingOrder(lines);
    }

    /**
     * The lines row by row, top to bottom, and left to right in a row: sparse text reports them in
     * no particular order. Lines are in one row when they overlap by half the smaller one's height.
     */
    static List<ScreenText.Line> inReadingOrder(List<ScreenText.Line> lines) {
        List<ScreenText.Line> byTop = new ArrayList<>(lines);
        byTop.sort(Comparator.comparingInt((ScreenText.Line line) -> line.box().y())
                .thenComparingInt(line -> line.box().x()));
        List<ScreenText.Line> ordered = new ArrayList<>(lines.size());
        List<ScreenText.Line> row = new ArrayList<>();
        int rowTop = 0;
        int rowBottom = 0;
        for (ScreenText.Line line : byTop) {
            ScreenText.Box box = line.box();
            int overlap = Math.min(rowBottom, box.bottom()) - Math.max(rowTop, box.y());
            if (!row.isEmpty() && 2 * overlap < Math.min(rowBottom - rowTop, box.height())) {
                row.sort(Comparator.comparingInt(in -> in.box().x()));
                ordered.addAll(row);
                row.clear();
            }
            if (row.isEmpty()) {
                rowTop = box.y();
                rowBottom = box.bottom();
            } else {
                rowBottom = Math.max(rowBottom, box.bottom());
            }
            row.add(line);
        }
        row.sort(Comparator.comparingInt(in -> in.box().x()));
        ordered.addAll(row);
        return ordered;
    }

    private static int ceilDiv(int value, int divisor) {
        return -Math.floorDiv(-value, divisor);
    }

    /** The text Tesseract allocated, read and freed (with {@code delete[]}, as its API asks). */
    private static String utf8(@Nullable BytePointer text) {
        if (text == null || text.isNull()) {
            return "";
        }
        try {
            return text.getString(StandardCharsets.UTF_8);
        } finally {
            TessDeleteText(text);
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
        invertDarkBackgrounds(gray, BACKGROUND_RADIUS * scale);
        return gray;
    }

    /**
     * Turns light text on a dark background (a primary button's label, a dark top bar, dark mode)
     * into dark text on a light one, in place. Tesseract binarizes the whole image with one
     * threshold and took a dark button for a picture, so its label, the very thing to point at,
     * went unread. A pixel is inverted when most of the square around it (of {@code 2 * radius + 1})
     * is dark, which holds on a dark background and not on a light one whatever the text's strokes,
     * and changes right at a background's edge. In a dark area's corners only a quarter of the
     * square is dark; there a dark pixel is inverted too when most of the row and of the column
     * through it, twice as far, are dark, which a letter's strokes are not.
     *
     * <p>Counted with running sums over a window of rows, so it keeps only {@code 4 * radius + 2}
     * rows of its own whatever the image's size.
     */
    static void invertDarkBackgrounds(BufferedImage gray, int radius) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int reach = 2 * radius;
        // The rows within reach, as they were before any was inverted: 1 where dark.
        byte[][] dark = new byte[2 * reach + 2][width];
        int[] near = new int[width];
        int[] far = new int[width];
        for (int y = 0; y < Math.min(reach, height); y++) {
            darkOf(pixels, width, y, dark[y % dark.length]);
            add(far, dark[y % dark.length], 1);
            if (y < radius) {
                add(near, dark[y % dark.length], 1);
            }
        }
        for (int y = 0; y < height; y++) {
            if (y + reach < height) {
                darkOf(pixels, width, y + reach, dark[(y + reach) % dark.length]);
                add(far, dark[(y + reach) % dark.length], 1);
            }
            if (y + radius < height) {
                add(near, dark[(y + radius) % dark.length], 1);
            }
            invertRow(pixels, width, y, dark[y % dark.length], near, rowsAround(y, radius, height), far,
                    rowsAround(y, reach, height), radius);
            if (y - radius >= 0) {
                add(near, dark[(y - radius) % dark.length], -1);
            }
            if (y - reach >= 0) {
                add(far, dark[(y - reach) % dark.length], -1);
            }
        }
    }

    private static void invertRow(byte[] pixels, int width, int y, byte[] own, int[] near, int nearRows, int[] far,
            int farRows, int radius) {
        int reach = 2 * radius;
        int square = 0;
        int across = 0;
        for (int x = 0; x < Math.min(radius, width); x++) {
            square += near[x];
        }
        for (int x = 0; x < Math.min(reach, width); x++) {
            across += own[x];
        }
        int row = y * width;
        for (int x = 0; x < width; x++) {
            if (x + radius < width) {
                square += near[x + radius];
            }
            if (x - radius - 1 >= 0) {
                square -= near[x - radius - 1];
            }
            if (x + reach < width) {
                across += own[x + reach];
            }
            if (x - reach - 1 >= 0) {
                across -= own[x - reach - 1];
            }
            int squarePixels = nearRows * rowsAround(x, radius, width);
            boolean background = 2 * square > squarePixels || own[x] == 1 && 4 * square > squarePixels
                    && 2 * across > rowsAround(x, reach, width) && 2 * far[x] > farRows;
            if (background) {
                pixels[row + x] = (byte) (255 - (pixels[row + x] & 0xFF));
            }
        }
    }

    /** How many of the positions {@code i - reach} to {@code i + reach} lie in {@code [0, size)}. */
    private static int rowsAround(int i, int reach, int size) {
        return Math.min(size - 1, i + reach) - Math.max(0, i - reach) + 1;
    }

    private static void darkOf(byte[] pixels, int width, int y, byte[] dark) {
        int row = y * width;
        for (int x = 0; x < width; x++) {
            dark[x] = (byte) ((pixels[row + x] & 0xFF) < DARK ? 1 : 0);
        }
    }

    private static void add(int[] sums, byte[] row, int sign) {
        for (int x = 0; x < sums.length; x++) {
            sums[x] += sign * row[x];
        }
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
