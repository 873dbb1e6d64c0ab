package dev.supportassistant.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a model's tokens cost, in US dollars per million, for estimating an experiment's cost.
 * Built-in list prices of the default models (as published when written; check your contract)
 * are overridden and extended by {@code MODEL_PRICES}, e.g.
 * {@code {"gpt-4.1-mini": {"input_per_million": 0.4, "output_per_million": 1.6}}}.
 *
 * <p>Providers report dated model names ({@code gpt-4.1-mini-2025-04-14}): a name without a
 * price of its own takes the price of the longest priced name it starts with.
 */
@Component
class ModelPrices {

    /** Dollars per million tokens read and written. */
    record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

        BigDecimal cost(long inputTokens, long outputTokens) {
            return inputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
                    .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
                    .divide(BigDecimal.valueOf(1_000_000), 8, RoundingMode.HALF_UP);
        }
    }

    private static final Map<String, Price> BUILT_IN = Map.ofEntries(
            price("gpt-4.1", "2.00", "8.00"), price("gpt-4.1-mini", "0.40", "1.60"),
            price("gpt-4.1-nano", "0.10", "0.40"), price("gpt-4o", "2.50", "10.00"),
            price("gpt-4o-mini", "0.15", "0.60"), price("claude-opus-4-1", "15.00", "75.00"),
            price("claude-sonnet-4-5", "3.00", "15.00"), price("claude-haiku-4-5", "1.00", "5.00"),
            price("claude-3-5-haiku", "0.80", "4.00"),
            // The offline agent and a self-hosted model cost no tokens, only their hardware.
            price("help-center-retrieval", "0", "0"), price("llama3.2", "0", "0"));

    private final Map<String, Price> prices;

    ModelPrices(RoutingSettings settings) {
        Map<String, Price> prices = new LinkedHashMap<>(BUILT_IN);
        SettingsDocument document = SettingsDocument.of("MODEL_PRICES");
        Object parsed = document.parse(settings.modelPrices());
        if (parsed != null) {
            document.map(parsed, "the document").forEach((model, value) -> {
                String at = "model \"" + model + "\"";
                Map<String, Object> entry = document.map(value, at);
                document.onlyKeys(entry, Set.of("input_per_million", "output_per_million"), at);
                prices.put(model, new Price(amount(document, entry, "input_per_million", at),
                        amount(document, entry, "output_per_million", at)));
            });
        }
        this.prices = Map.copyOf(prices);
    }

    private static BigDecimal amount(SettingsDocument document, Map<String, Object> entry, String key, String at) {
        Double value = document.number(entry, key, at);
        if (value == null || value < 0) {
            throw document.invalid("\"" + key + "\" of at least 0 (dollars per million tokens) at " + at);
        }
        return BigDecimal.valueOf(value);
    }

    private static Map.Entry<String, Price> price(String model, String input, String output) {
        return Map.entry(model, new Price(new BigDecimal(input), new BigDecimal(output)));
    }

    /** The model's price, or empty when neither it nor a shorter name it starts with has one. */
    Optional<Price> of(@Nullable String model) {
        if (model == null) {
            return Optional.empty();
        }
        Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.keySet().stream().filter(model::startsWith).max(Comparator.comparingInt(String::length))
                .map(prices::get);
    }
}
