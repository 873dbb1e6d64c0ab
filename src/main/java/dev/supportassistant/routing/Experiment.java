package dev.supportassistant.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An A/B experiment: two or more variants, each answering a share of conversations.
 *
 * @param name how the experiment is recorded on messages and named in its results URL
 */
record Experiment(String name, List<Variant> variants) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Set<String> KEYS = Set.of("name", "variants");
    private static final Set<String> VARIANT_KEYS = Set.of("name", "percent", "provider", "model", "system_prompt");

    Experiment {
        variants = List.copyOf(variants);
    }

    /**
     * One arm of an experiment.
     *
     * @param percent the share of all conversations it answers, in percent (two decimals at most)
     * @param model the model to ask for; absent, the provider's configured one answers
     * @param systemPrompt instructions instead of {@code SYSTEM_PROMPT}, if the variant tries other ones
     */
    record Variant(String name, BigDecimal percent, String provider, @Nullable String model,
            @Nullable String systemPrompt) {

        /** The share in hundredths of a percent, the assigner's unit. */
        int basisPoints() {
            return percent.movePointRight(2).intValueExact();
        }
    }

    /** Reads {@code EXPERIMENTS}: a list, or {@code {"experiments": [...]}}. */
    static List<Experiment> parse(SettingsDocument document, @Nullable Object parsed) {
        if (parsed == null) {
            return List.of();
        }
        List<Experiment> experiments = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<Object> entries = document.listOrUnder(parsed, "experiments");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < entries.size(); i++) {
            String at = "experiment " + (i + 1);
            Map<String, Object> entry = document.map(entries.get(i), at);
            String name = document.text(entry, "name", true, at);
            if (!NAME.matcher(name).matches()) {
                throw document.invalid("experiment names of letters, digits, '.', '_' and '-' (at most 100); found \""
                        + name + "\"");
            }
            at = "experiment \"" + name + "\"";
            if (!names.add(name)) {
                throw document.invalid("unique experiment names; \"" + name + "\" is used twice");
            }
            document.onlyKeys(entry, KEYS, at);
            List<Object> variantEntries = document.list(entry.get("variants"), at + " variants");
            if (variantEntries.size() < 2) {
                throw document.invalid("at least two variants in " + at);
            }
            List<Variant> variants = new ArrayList<>();
            Set<String> variantNames = new LinkedHashSet<>();
            for (int v = 0; v < variantEntries.size(); v++) {
                String vat = at + " variant " + (v + 1);
                Map<String, Object> variant = document.map(variantEntries.get(v), vat);
                document.onlyKeys(variant, VARIANT_KEYS, vat);
                String variantName = document.text(variant, "name", true, vat);
                if (variantName.length() > 100 || !variantNames.add(variantName)) {
                    throw document.invalid("unique variant names of at most 100 characters in " + at);
                }
                Double percent = document.number(variant, "percent", vat);
                BigDecimal share = percent == null ? null : BigDecimal.valueOf(percent).stripTrailingZeros();
                if (share != null && share.scale() < 0) {
                    share = share.setScale(0); // 50, not 5E+1, in the results
                }
                if (share == null || share.signum() <= 0 || share.scale() > 2) {
                    throw document.invalid("\"percent\" above 0 with at most two decimals at " + vat);
                }
                total = total.add(share);
                variants.add(new Variant(variantName, share,
                        document.text(variant, "provider", true, vat).toLowerCase(java.util.Locale.ROOT),
                        document.text(variant, "model", false, vat), document.text(variant, "system_prompt", false, vat)));
            }
            experiments.add(new Experiment(name, variants));
        }
        if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw document.invalid("variant percentages adding up to at most 100 over all experiments, since a "
                    + "conversation is in one experiment at most; they add up to " + total.toPlainString());
        }
        return List.copyOf(experiments);
    }
}
