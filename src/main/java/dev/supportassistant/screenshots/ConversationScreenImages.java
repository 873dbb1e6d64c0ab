package dev.supportassistant.screenshots;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.springframework.stereotype.Component;

import dev.supportassistant.agent.ScreenImage;
import dev.supportassistant.chat.ScreenImages;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.TurnContext;
import dev.supportassistant.privacy.PrivacySettings;
import dev.supportassistant.screenshots.guidance.GuidanceStep;
import dev.supportassistant.screenshots.guidance.ScreenLabels;

/**
 * The latest screenshot of a conversation (the one the turn found, {@link TurnContext}) as a vision model gets it: at most 1568 pixels on the
 * long side (what Anthropic's models read without scaling themselves; OpenAI's and Ollama's take it
 * as well), with its OCR text for a model that refuses images and, when it is recent
 * ({@code SCREEN_GUIDANCE_MINUTES}), the labels on it; and the places on it an answer names
 * ({@link #pointedAt}), from the words OCR read and kept with it. A large image is decoded at every
 * second, third... pixel straight away (ImageIO's source subsampling), to at most twice the size
 * it is scaled to: every chat turn on that conversation decodes it again, and a whole 8K screen
 * would be 133 MB each time.
 */
@Component
class ConversationScreenImages implements ScreenImages {

    static final int MAX_LONG_SIDE = 1568;

    private final ScreenshotStore store;
    private final ScreenshotService screenshots;
    private final boolean masking;

    ConversationScreenImages(ScreenshotStore store, ScreenshotService screenshots, PrivacySettings privacy) {
        this.store = store;
        this.screenshots = screenshots;
        this.masking = privacy.masking();
    }

    /**
     * With {@code PII_MASKING} on (the default), the copy with personal data filled black
     * ({@link PersonalDataOnScreen}), and nothing for a screenshot stored before copies were made;
     * its OCR text and labels are masked with the rest of the turn by the agent module.
     */
    @Override
    public Optional<ScreenImage> image(TurnContext.ScreenshotReference latest) {
        return store.find(latest.name(), screenshots.oldestKept())
                .filter(screenshot -> !masking || screenshot.personalDataChecked())
                .map(screenshot -> {
                    List<String> labels = screenshot.screen() == null
                            || !screenshots.recentForGuidance(latest.takenAt())
                                    ? List.of() : ScreenLabels.visible(screenshot.screen());
                    byte[] shown = masking && screenshot.maskedImage() != null ? screenshot.maskedImage()
                            : screenshot.image();
                    String type = shown == screenshot.image() ? screenshot.mediaType() : "image/png";
                    if (Math.max(screenshot.width(), screenshot.height()) <= MAX_LONG_SIDE) {
                        return new ScreenImage(shown, type, screenshot.ocrText(), labels);
                    }
                    return new ScreenImage(scaled(shown), "image/png", screenshot.ocrText(), labels);
                });
    }

    @Override
    public List<MessageMetadata.ScreenGuidance> pointedAt(String answer, TurnContext.ScreenshotReference latest) {
        if (!screenshots.recentForGuidance(latest.takenAt())) {
            return List.of();
        }
        return store.screen(latest.name(), screenshots.oldestKept())
                .map(read -> ScreenLabels.pointedAt(answer, read.screen()).stream()
                        .map(step -> guidance(step, latest.name(), read.url())).toList())
                .orElse(List.of());
    }

    /** A step of guidance as a message keeps it: the label, its box, and the screenshot it is on. */
    static MessageMetadata.ScreenGuidance guidance(GuidanceStep step, String screenshot, String url) {
        ScreenText.Box box = step.box();
        return new MessageMetadata.ScreenGuidance(step.label(),
                new MessageMetadata.ScreenGuidance.Box(box.x(), box.y(), box.width(), box.height()), screenshot, url);
    }

    static byte[] scaled(byte[] image) {
        try {
            BufferedImage original = subsampled(image);
            double factor = (double) MAX_LONG_SIDE / Math.max(original.getWidth(), original.getHeight());
            int width = Math.max(1, (int) Math.round(original.getWidth() * factor));
            int height = Math.max(1, (int) Math.round(original.getHeight() * factor));
            BufferedImage smaller = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = smaller.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(original, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(smaller, "png", png);
            return png.toByteArray();
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    /** Every {@code n}th pixel of each {@code n}th row, so that the long side stays at least twice {@link #MAX_LONG_SIDE}. */
    static int subsampling(int width, int height) {
        return Math.max(1, Math.max(width, height) / (2 * MAX_LONG_SIDE));
    }

    private static BufferedImage subsampled(byte[] image) throws IOException {
        // In memory, not through a temporary file (see TextRecognizer).
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image ImageIO reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int n = subsampling(reader.getWidth(0), reader.getHeight(0));
                param.setSourceSubsampling(n, n, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
