package dev.supportassistant.screenshots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Screens drawn with Java2D for the screen guidance tests and bench/screens: a checkout page with a
 * payment error and a "Retry payment" button, a settings page. Every text's ink box is recorded
 * where it was drawn, so that a test can tell whether OCR's boxes are where the text is.
 */
public final class ScreenDrawings {

    /** A drawn screen and the ink box of each text on it, by text. */
    public record Drawn(BufferedImage image, Map<String, Rectangle> texts) {

        public Rectangle box(String text) {
            Rectangle box = texts.get(text);
            if (box == null) {
                throw new IllegalArgumentException("not drawn: " + text);
            }
            return box;
        }

        public byte[] png() {
            return ScreenDrawings.png(image);
        }
    }

    private static final Color BACKGROUND = new Color(0xF3F4F6);
    private static final Color INK = new Color(0x111827);
    private static final Color BLUE = new Color(0x1D4ED8);

    private ScreenDrawings() {
    }

    /**
     * A checkout page, 1280 x 720 at {@code scale} 1 (1920 x 1080 at 1.5): a top bar of links, the
     * order, and when {@code error}, a red banner reading "Error 502: Payment gateway timeout"; a
     * button labelled {@code retryLabel} ("Retry payment") and a "Cancel order" button far to its right.
     */
    public static Drawn checkout(double scale, boolean error, String retryLabel) {
        Canvas canvas = new Canvas(scale);
        canvas.topBar("Example Store", "Home", "Orders", "Account", "Help");
        canvas.text("Checkout", 200, 150, Font.BOLD, 26, INK);
        String[] order = {"Shipping address: 12 Harbour Street, Leeds", "Payment method: Visa ending 4242",
                "Order total: 84.20 EUR", "Delivery: Standard (3-5 working days)"};
        for (int i = 0; i < order.length; i++) {
            canvas.text(order[i], 200, 200 + 32 * i, Font.PLAIN, 16, INK);
        }
        if (error) {
            canvas.fill(new Color(0xFEE2E2), 190, 340, 900, 76);
            canvas.text("Error 502: Payment gateway timeout", 210, 370, Font.BOLD, 18, new Color(0xB91C1C));
            canvas.text("Order #A1234 could not be saved. Please try again later.", 210, 398, Font.PLAIN, 15,
                    new Color(0xB91C1C));
        }
        canvas.button(retryLabel, 200, 450, BLUE, Color.WHITE);
        canvas.button("Cancel order", 760, 450, new Color(0xE5E7EB), INK);
        canvas.text("Change payment method", 200, 540, Font.PLAIN, 15, BLUE);
        canvas.text("Need help? Our support team answers within a day.", 200, 600, Font.PLAIN, 14,
                new Color(0x6B7280));
        return canvas.done();
    }

    /**
     * A whole 1920 x 1080 desktop, as a shared screen is: a taskbar with a clock, a browser with
     * three tabs and an address bar, and in it the checkout page with a menu of categories, the
     * order's lines and a footer; with the payment error and the "Retry payment" button.
     */
    public static Drawn desktop() {
        Canvas canvas = new Canvas(1920, 1080, 1, Color.WHITE);
        canvas.fill(new Color(0xDEE1E6), 0, 0, 1920, 82);
        String[] tabs = {"Checkout - Example Store", "Inbox (3) - Mail", "Order tracking"};
        for (int i = 0; i < tabs.length; i++) {
            canvas.fill(i == 0 ? Color.WHITE : new Color(0xDEE1E6), 8 + 260 * i, 6, 252, 34);
            canvas.text(tabs[i], 24 + 260 * i, 28, Font.PLAIN, 13, INK);
        }
        canvas.fill(Color.WHITE, 0, 40, 1920, 42);
        canvas.fill(new Color(0xF1F3F4), 120, 46, 1400, 30);
        canvas.text("https://shop.example.com/checkout/payment?session=8f3a", 140, 66, Font.PLAIN, 14, INK);
        canvas.fill(new Color(0x1F2937), 0, 82, 1920, 56);
        canvas.text("Example Store", 40, 118, Font.BOLD, 20, Color.WHITE);
        String[] links = {"Home", "Orders", "Account", "Help"};
        for (int i = 0; i < links.length; i++) {
            canvas.text(links[i], 1400 + 110 * i, 118, Font.PLAIN, 16, Color.WHITE);
        }
        String[] categories = {"Categories", "Laptops", "Phones", "Tablets", "Monitors", "Keyboards", "Printers",
                "Cables and adapters", "Gift cards", "Sale"};
        for (int i = 0; i < categories.length; i++) {
            canvas.text(categories[i], 40, 190 + 36 * i, i == 0 ? Font.BOLD : Font.PLAIN, 15, i == 0 ? INK : BLUE);
        }
        canvas.text("Checkout", 320, 200, Font.BOLD, 26, INK);
        String[] order = {"Shipping address: 12 Harbour Street, Leeds LS1 4AB", "Payment method: Visa ending 4242",
                "Delivery: Standard (3-5 working days)", "Order total: 1,284.20 EUR"};
        for (int i = 0; i < order.length; i++) {
            canvas.text(order[i], 320, 250 + 32 * i, Font.PLAIN, 16, INK);
        }
        canvas.fill(new Color(0xFEE2E2), 310, 390, 900, 76);
        canvas.text("Error 502: Payment gateway timeout", 330, 420, Font.BOLD, 18, new Color(0xB91C1C));
        canvas.text("Order #A1234 could not be saved. Please try again later.", 330, 448, Font.PLAIN, 15,
                new Color(0xB91C1C));
        canvas.button("Retry payment", 320, 500, BLUE, Color.WHITE);
        canvas.button("Cancel order", 880, 500, new Color(0xE5E7EB), INK);
        canvas.text("Change payment method", 320, 590, Font.PLAIN, 15, BLUE);
        canvas.text("Your order", 1320, 200, Font.BOLD, 20, INK);
        String[][] lines = {{"Laptop Pro 14", "1,199.00"}, {"USB-C hub", "39.90"}, {"Laptop sleeve", "24.90"},
                {"Screen cleaner", "5.40"}, {"Shipping", "15.00"}, {"Total", "1,284.20"}};
        for (int i = 0; i < lines.length; i++) {
            canvas.text(lines[i][0], 1320, 250 + 34 * i, Font.PLAIN, 15, INK);
            canvas.text(lines[i][1], 1700, 250 + 34 * i, Font.PLAIN, 15, INK);
        }
        String[] footer = {"Need help? Our support team answers within a day, Monday to Saturday.",
                "Returns are free within 30 days. Prices include VAT. Terms and conditions apply.",
                "About us   Careers   Privacy   Cookies   Contact"};
        for (int i = 0; i < footer.length; i++) {
            canvas.text(footer[i], 320, 700 + 28 * i, Font.PLAIN, 14, new Color(0x6B7280));
        }
        canvas.fill(new Color(0x111827), 0, 1040, 1920, 40);
        String[] apps = {"Start", "Browser", "Mail", "Files"};
        for (int i = 0; i < apps.length; i++) {
            canvas.text(apps[i], 20 + 100 * i, 1066, Font.PLAIN, 14, Color.WHITE);
        }
        canvas.text("14:32", 1850, 1066, Font.PLAIN, 14, Color.WHITE);
        return canvas.done();
    }

    /** The checkout page with its error and a "Retry payment" button, 1280 x 720. */
    public static Drawn checkout() {
        return checkout(1, true, "Retry payment");
    }

    /** A settings page, 1280 x 720: notifications, language, a "Save changes" button. */
    public static Drawn settings() {
        Canvas canvas = new Canvas(1);
        canvas.topBar("Example Store", "Home", "Orders", "Account", "Help");
        canvas.text("Account settings", 200, 150, Font.BOLD, 26, INK);
        String[] rows = {"Email notifications", "Language", "Two-factor authentication", "Delete my account"};
        String[] values = {"On", "English", "Off", "Request deletion"};
        for (int i = 0; i < rows.length; i++) {
            canvas.text(rows[i], 200, 210 + 48 * i, Font.PLAIN, 17, INK);
            canvas.text(values[i], 700, 210 + 48 * i, Font.PLAIN, 17, BLUE);
        }
        canvas.button("Save changes", 200, 440, BLUE, Color.WHITE);
        canvas.button("Discard", 760, 440, new Color(0xE5E7EB), INK);
        return canvas.done();
    }

    /**
     * A payment form, 1280 x 720, filled in with personal data: a card number, the cardholder's
     * e-mail address and phone number, and a password field's dots; beside them text that is not
     * personal ("Order total", "Pay now").
     */
    public static Drawn paymentForm() {
        Canvas canvas = new Canvas(1);
        canvas.topBar("Example Store", "Home", "Orders", "Account", "Help");
        canvas.text("Payment details", 200, 150, Font.BOLD, 26, INK);
        String[] labels = {"Card number", "Email", "Phone", "Password"};
        String[] values = {"4111 1111 1111 1111", "jane.doe@example.com", "+1 415 555 2671", "••••••••"};
        for (int i = 0; i < labels.length; i++) {
            canvas.text(labels[i], 200, 220 + 56 * i, Font.PLAIN, 20, INK);
            canvas.text(values[i], 480, 220 + 56 * i, Font.PLAIN, 20, INK);
        }
        canvas.text("Order total: 84.20 EUR", 200, 480, Font.PLAIN, 20, INK);
        canvas.button("Pay now", 200, 520, BLUE, Color.WHITE);
        return canvas.done();
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image as a JPEG of this quality (0 to 1), as a browser's canvas may send it. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(jpeg)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return jpeg.toByteArray();
    }

    /** A copy of the image. */
    public static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** Draws at 1280 x 720 coordinates times the scale, and records each text's ink box. */
    private static final class Canvas {

        private final double scale;
        private final BufferedImage image;
        private final Graphics2D g;
        private final Map<String, Rectangle> texts = new LinkedHashMap<>();

        /** A 1280 x 720 page times the scale, a white sheet on grey. */
        Canvas(double scale) {
            this(1280, 720, scale, BACKGROUND);
            fill(Color.WHITE, 160, 80, 960, 600);
        }

        Canvas(int width, int height, double scale, Color background) {
            this.scale = scale;
            this.image = new BufferedImage(px(width), px(height), BufferedImage.TYPE_INT_RGB);
            this.g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(background);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
        }

        int px(double value) {
            return (int) Math.round(value * scale);
        }

        void fill(Color color, int x, int y, int width, int height) {
            g.setColor(color);
            g.fillRect(px(x), px(y), px(width), px(height));
        }

        Rectangle text(String text, int x, int baseline, int style, int size, Color color) {
            Font font = new Font(Font.SANS_SERIF, style, px(size));
            g.setFont(font);
            g.setColor(color);
            g.drawString(text, px(x), px(baseline));
            FontRenderContext context = g.getFontRenderContext();
            Rectangle ink = font.createGlyphVector(context, text).getPixelBounds(context, px(x), px(baseline));
            texts.put(text, ink);
            return ink;
        }

        void topBar(String brand, String... links) {
            fill(new Color(0x1F2937), 0, 0, 1280, 56);
            text(brand, 40, 36, Font.BOLD, 20, Color.WHITE);
            int x = 760;
            for (String link : links) {
                Rectangle ink = text(link, x, 36, Font.PLAIN, 16, Color.WHITE);
                x += (int) Math.round(ink.width / scale) + 48;
            }
        }

        void button(String label, int x, int y, Color background, Color ink) {
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, px(16));
            int width = (int) Math.round(g.getFontMetrics(font).stringWidth(label) / scale) + 48;
            g.setColor(background);
            g.fillRoundRect(px(x), px(y), px(width), px(44), px(8), px(8));
            text(label, x + 24, y + 28, Font.BOLD, 16, ink);
        }

        Drawn done() {
            g.dispose();
            return new Drawn(image, Map.copyOf(texts));
        }
    }
}
