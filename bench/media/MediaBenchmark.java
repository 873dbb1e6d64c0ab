import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

/**
 * Speed of the offline engines through the running service's HTTP API (bench/media/run.sh starts
 * it): OCR of a 1280x720 screenshot, transcription of a 5-second clip (real-time factor), time to
 * the first byte of one spoken sentence. Prints one "name=value" line per figure.
 *
 * Usage: java MediaBenchmark.java PORT ITERATIONS WEBM_FIXTURE
 */
public class MediaBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String base;

    public static void main(String[] args) throws Exception {
        base = "http://127.0.0.1:" + args[0];
        int iterations = Integer.parseInt(args[1]);
        byte[] webm = Files.readAllBytes(Path.of(args[2]));

        byte[] screenshot = screenshot();
        List<Long> ocr = new ArrayList<>();
        String text = "";
        for (int i = 0; i < iterations + 2; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = upload("/api/v1/screenshots", screenshot, "screenshot.png", "image/png");
            long took = System.nanoTime() - start;
            check(response);
            text = response.body();
            if (i >= 2) {
                ocr.add(took);
            }
        }
        System.out.println("ocr_1280x720_p50_ms=" + p50(ocr) + " ocr_1280x720_max_ms=" + max(ocr)
                + " ocr_read_error_text=" + text.contains("Payment gateway timeout"));

        // A clip of about five seconds, spoken by the service itself (FreeTTS), as WAV.
        byte[] clip = bytes(post("/api/v1/tts", "{\"text\": \"Hello, my printer is not working. I restarted it twice "
                + "and it still shows a paper jam error.\"}"));
        double seconds = wavSeconds(clip);
        List<Long> stt = new ArrayList<>();
        for (int i = 0; i < iterations + 1; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = upload("/api/v1/transcribe", clip, "audio.wav", "audio/wav");
            long took = System.nanoTime() - start;
            check(response);
            if (i >= 1) {
                stt.add(took);
            }
            text = response.body();
        }
        System.out.printf("transcribe_clip_seconds=%.2f transcribe_p50_ms=%d real_time_factor_p50=%.2f transcript=%s%n",
                seconds, p50(stt), p50(stt) / 1000.0 / seconds, text.replace(' ', '_'));
        List<Long> webmTimes = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            check(upload("/api/v1/transcribe", webm, "audio.wav", "audio/wav"));
            webmTimes.add(System.nanoTime() - start);
        }
        System.out.println("transcribe_chrome_webm_2.5s_p50_ms=" + p50(webmTimes));

        List<Long> firstByte = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        for (int i = 0; i < iterations + 2; i++) {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.send(request("/api/v1/tts")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Open Settings, then choose Reset password.\"}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (body.read() < 0 || response.statusCode() != 200) {
                    throw new IllegalStateException("tts failed: " + response.statusCode());
                }
                long first = System.nanoTime() - start;
                body.readAllBytes();
                if (i >= 2) {
                    firstByte.add(first);
                    whole.add(System.nanoTime() - start);
                }
            }
        }
        System.out.println("tts_first_byte_p50_ms=" + p50(firstByte) + " tts_whole_p50_ms=" + p50(whole));
    }

    /** A 1280x720 screen: a window with a title bar, a form and an error banner. */
    static byte[] screenshot() throws Exception {
        BufferedImage image = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xE5E7EB));
        g.fillRect(0, 0, 1280, 720);
        g.setColor(Color.WHITE);
        g.fillRect(160, 80, 960, 560);
        g.setColor(new Color(0x1F2937));
        g.fillRect(160, 80, 960, 40);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Checkout - Example Store", 180, 106);
        g.setColor(new Color(0x111827));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        String[] lines = {"Shipping address: 12 Harbour Street, Leeds", "Payment method: Visa ending 4242",
                "Order total: 84.20 EUR", "Delivery: Standard (3-5 working days)"};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 200, 180 + 32 * i);
        }
        g.setColor(new Color(0xFEE2E2));
        g.fillRect(200, 340, 880, 70);
        g.setColor(new Color(0xB91C1C));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Error 502: Payment gateway timeout", 220, 370);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("Order #A1234 could not be saved. Please try again later.", 220, 395);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    static HttpResponse<String> upload(String path, byte[] file, String name, String type) throws Exception {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes());
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        return HTTP.send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> post(String path, String json) throws Exception {
        return HTTP.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    static byte[] bytes(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Length of a PCM WAV: data bytes / byte rate (canonical 44-byte header, as FreeTTS writes). */
    static double wavSeconds(byte[] wav) {
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        return (wav.length - 44) / (double) header.getInt(28);
    }

    static long p50(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1_000_000;
    }

    static long max(List<Long> nanos) {
        return Collections.max(nanos) / 1_000_000;
    }
}
