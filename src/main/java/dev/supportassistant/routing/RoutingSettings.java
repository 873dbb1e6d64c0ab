package dev.supportassistant.routing;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The routing documents, as the operator wrote them: each is JSON or YAML, given inline or as the
 * path of a file holding it, and empty when unused. They are parsed and checked at start-up by
 * {@link ProviderRouting} and {@link ModelPrices}, which name the variable when one is wrong.
 *
 * @param rules {@code ROUTING_RULES}: ordered rules sending a turn to a provider and model
 * @param experiments {@code EXPERIMENTS}: experiments splitting conversations between variants
 * @param modelPrices {@code MODEL_PRICES}: prices per million tokens by model, over the built-in table
 */
@Validated
@ConfigurationProperties("support.routing")
record RoutingSettings(@Nullable String rules, @Nullable String experiments, @Nullable String modelPrices) {
}
