package dev.supportassistant.screenshots.guidance;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

import dev.supportassistant.screenshots.ScreenText;

/**
 * A screenshot with the places an answer points at marked on it, as PNG, for clients that cannot
 * draw boxes themselves: a bold outline a few pixels outside each label (so the label stays
 * readable), with a white edge either side so it shows on dark and light screens alike, and a
 * round badge with the step's number beside it. Lines and badges grow with the image,
 * so they read the same on a phone's capture and on a 4K screen's.
 *
 * <p>The image is the stored screenshot, already bounded by {@code SCREENSHOT_MAX_PIXELS}; it is
 * drawn on as decoded when it has colour pixels, else once copied into them.
 */
public final class AnnotatedScreenshot {

    /** The outline's and badge's colour: a strong magenta, rare on screens and clear to most colour-blind eyes. */
    public static final Color MARK = new Color(0xD9, 0x00, 0x7E);

    private AnnotatedScreenshot() {
    }

    /**
     * The screenshot (PNG or JPEG, as stored) with the steps drawn, as PNG.
     *
     * @throws IllegalArgumentException when the bytes do not decode as an image
     */
    public static byte[] png(byte[] screenshot, List<GuidanceStep> steps) {
        BufferedImage image;
        try {
            // In memory, not through a temporary file (see TextRecognizer).
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(screenshot)));
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException("the screenshot cannot be decoded", unreadable);
        }
        if (image == null) {
            throw new IllegalArgumentException("the screenshot cannot be decoded");
        }
        return png(drawn(image, steps));
    }

    /** The image with the steps drawn: this image when it has colour pixels, else a colour copy. */
    static BufferedImage drawn(BufferedImage image, List<GuidanceStep> steps) {
        BufferedImage canvas = switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR,
                    BufferedImage.TYPE_4BYTE_ABGR -> image;
            default -> {
                BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = copy.createGraphics();
                g.drawImage(image, 0, 0, null);
                g.dispose();
                yield copy;
            }
        };
        Graphics2D g = canvas.createGraphics();
        try {
            int number = 1;
            for (GuidanceStep step : steps) {
                mark(g, canvas.getWidth(), canvas.getHeight(), step.box(), number++);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** How thick the outline is on an image of this size: 3 pixels up to 810 high, 4 on a 1080p screen. */
    static int stroke(int width, int height) {
        return Math.max(3, Math.round(Math.min(width, height) / 270f));
    }

    /** How far outside the label the outline's middle runs. */
    static int padding(int width, int height) {
        return stroke(width, height) + 3;
    }

    private static void mark(Graphics2D g, int width, int height, ScreenText.Box box, int number) {
        int stroke = stroke(width, height);
        int pad = padding(width, height);
        int x = box.x() - pad;
        int y = box.y() - pad;
        int w = box.width() + 2 * pad;
        int h = box.height() + 2 * pad;
        // Square and unsmoothed: the outline's pixels are exactly the mark's colour.
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setStroke(new BasicStroke(stroke + 4f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        g.setColor(Color.WHITE);
        g.drawRect(x, y, w, h);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        g.setColor(MARK);
        g.drawRect(x, y, w, h);

        // Left of the outline, level with the label, where it hides nothing of it; right of it when
        // the label is at the screen's left edge.
        int diameter = Math.max(22, Math.round(Math.min(width, height) / 30f));
        int radius = diameter / 2;
        int cx = x - stroke - radius - 2;
        if (cx - radius < 0) {
            cx = x + w + stroke + radius + 2;
        }
        cx = within(cx, radius + 2, width - radius - 3);
        int cy = within(y + h / 2, radius + 2, height - radius - 3);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillOval(cx - diameter / 2 - 2, cy - diameter / 2 - 2, diameter + 4, diameter + 4);
        g.setColor(MARK);
        g.fillOval(cx - diameter / 2, cy - diameter / 2, diameter, diameter);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(diameter * 0.6f)));
        FontMetrics metrics = g.getFontMetrics();
        String label = Integer.toString(number);
        g.drawString(label, cx - metrics.stringWidth(label) / 2, cy + (metrics.getAscent() - metrics.getDescent()) / 2);
    }

    private static int within(int value, int min, int max) {
        return Math.max(min, Math.min(Math.max(min, max), value));
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
