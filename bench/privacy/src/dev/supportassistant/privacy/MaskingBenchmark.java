package dev.supportassistant.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.supportassistant.privacy.LabelledTexts.Text;

/**
 * What masking one turn costs: a new {@link Masking}, the customer's message, ten history messages
 * and three help passages masked, then an answer restored whole and streamed in pieces. The
 * messages come from the privacy corpus (with and without personal data, drawn at random), the
 * passages are 800-character pieces of the bundled help articles. A plain timing loop, not JMH: it
 * warms up, then times each turn with {@link System#nanoTime()} (and the thread's processor time,
 * which a busy machine disturbs less) and prints mean and percentiles.
 * Not a test; run it with {@code bench/privacy/run.sh}.
 */
final class MaskingBenchmark {

    private static final int MEASURED = 5000;
    private static final String ANSWER = "Thanks! I've sent the receipt to [EMAIL_1] and will call [PHONE_1] if the refund to "
            + "[IBAN_1] fails. Your card [CARD_1] was charged once; the second charge is a pending authorisation that "
            + "disappears within 3-5 business days. Please never send your password ([SECRET_1]) in a chat. ".repeat(3);

    private MaskingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> messages = new ArrayList<>();
        for (String part : LabelledTexts.PARTS) {
            LabelledTexts.with(part).stream().map(Text::text).forEach(messages::add);
            LabelledTexts.without(part).stream().map(Text::text).forEach(messages::add);
        }
        List<String> passages = passages();
        PersonalData personalData = new PersonalData(new PrivacySettings(true, false, "US"));
        Random random = new Random(31);

        System.out.printf(Locale.ROOT, "JDK %s (%s), %d processors; a turn: message + 10 history messages + 3 passages "
                + "of 800 characters; %d turns measured after %d warm-up turns%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), MEASURED, warmup);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] mask = new long[MEASURED];
        long[] maskProcessor = new long[MEASURED];
        long[] restore = new long[MEASURED];
        long characters = 0;
        for (int turn = -warmup; turn < MEASURED; turn++) {
            List<String> texts = new ArrayList<>(14);
            for (int i = 0; i < 11; i++) {
                texts.add(messages.get(random.nextInt(messages.size())));
            }
            for (int i = 0; i < 3; i++) {
                texts.add(passages.get(random.nextInt(passages.size())));
            }
            long start = System.nanoTime();
            long processorStart = threads.getCurrentThreadCpuTime();
            Masking masking = personalData.newMasking();
            List<String> masked = masking.mask(texts);
            long maskedAt = System.nanoTime();
            long processorEnd = threads.getCurrentThreadCpuTime();
            String restored = masking.restore(ANSWER);
            StreamingRestorer stream = masking.restoring();
            for (int at = 0; at < ANSWER.length(); at += 7) {
                stream.next(ANSWER.substring(at, Math.min(ANSWER.length(), at + 7)));
            }
            stream.finish();
            long end = System.nanoTime();
            if (turn >= 0) {
                mask[turn] = maskedAt - start;
                maskProcessor[turn] = processorEnd - processorStart;
                restore[turn] = end - maskedAt;
                characters += texts.stream().mapToInt(String::length).sum();
            }
            if (masked.size() != texts.size() || restored.isEmpty()) {
                throw new IllegalStateException();
            }
        }
        System.out.printf(Locale.ROOT, "mean characters masked per turn: %d%n", characters / MEASURED);
        System.out.println("| Path | mean µs | p50 µs | p95 µs | p99 µs |");
        System.out.println("|---|---|---|---|---|");
        report("mask a turn (14 texts), wall clock", mask);
        report("mask a turn (14 texts), the thread's processor time", maskProcessor);
        report("restore an answer of " + ANSWER.length() + " characters, whole and streamed in 7-character pieces", restore);
    }

    private static List<String> passages() throws IOException {
        List<String> passages = new ArrayList<>();
        for (String article : List.of("account-settings", "billing", "connectivity", "error-codes", "installation",
                "login-trouble", "password-reset", "screen-sharing")) {
            try (InputStream in = MaskingBenchmark.class.getResourceAsStream("/knowledge/" + article + ".md")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (int at = 0; at + 800 <= text.length(); at += 800) {
                    passages.add(text.substring(at, at + 800));
                }
            }
        }
        return passages;
    }

    private static void report(String path, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.0f | %d | %d | %d |%n", path, Arrays.stream(sorted).average().orElse(0) / 1000,
                sorted[sorted.length / 2] / 1000, sorted[(int) (sorted.length * 0.95)] / 1000,
                sorted[(int) (sorted.length * 0.99)] / 1000);
    }
}
