package dev.supportassistant.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.supportassistant.conversation.ExperimentMessage;
import dev.supportassistant.conversation.ExperimentMessages;

/**
 * Computes an experiment's results from its stored messages. Message figures (tokens, cost,
 * latency, fallbacks, feedback) count the messages recorded in each variant; conversation figures
 * (screen sharing, confusion) count each conversation once, in the variant of its first message
 * recorded in the experiment.
 */
@Service
public class ExperimentResults {

    static final List<String> DEFINITIONS = List.of(
            "conversations: conversations with a message recorded in the variant",
            "tokens, estimated_cost, latency_ms, fallback, feedback: over the variant's assistant replies; "
                    + "cost from MODEL_PRICES, latency percentiles by nearest rank",
            "routed_replies: replies whose provider a routing rule chose instead of the variant (rules come first)",
            "screen_share: conversations in which the assistant offered screen sharing",
            "handoff: conversations escalated to a person (by the customer or automatically)",
            "confusion_fell: among conversations with at least two customer messages, those in which a customer "
                    + "message scored lower confusion than the customer's message before it, i.e. confusion fell "
                    + "after an assistant reply",
            "ci95_low, ci95_high: 95% Wilson score interval of the rate; non-overlapping intervals suggest a real difference");

    private final ProviderRouting routing;
    private final ExperimentMessages messages;
    private final ModelPrices prices;

    ExperimentResults(ProviderRouting routing, ExperimentMessages messages, ModelPrices prices) {
        this.routing = routing;
        this.messages = messages;
        this.prices = prices;
    }

    public ExperimentReport of(String name) {
        Optional<Experiment> configured = routing.experiment(name);
        List<ExperimentMessage> stored = messages.ofExperiment(name);
        if (configured.isEmpty() && stored.isEmpty()) {
            throw new ExperimentNotFoundException();
        }
        Set<String> variantNames = new LinkedHashSet<>();
        configured.ifPresent(experiment -> experiment.variants().forEach(variant -> variantNames.add(variant.name())));
        stored.stream().filter(message -> name.equals(message.experiment()) && message.variant() != null)
                .forEach(message -> variantNames.add(message.variant()));

        Map<String, List<ExperimentMessage>> byConversation = new LinkedHashMap<>();
        stored.forEach(message -> byConversation.computeIfAbsent(message.conversationId(), id -> new ArrayList<>())
                .add(message));

        List<ExperimentReport.VariantResults> results = new ArrayList<>();
        for (String variantName : variantNames) {
            Optional<Experiment.Variant> variant = configured.flatMap(experiment -> experiment.variants().stream()
                    .filter(candidate -> candidate.name().equals(variantName)).findFirst());
            List<ExperimentMessage> own = stored.stream()
                    .filter(message -> name.equals(message.experiment()) && variantName.equals(message.variant()))
                    .toList();
            List<List<ExperimentMessage>> conversations = byConversation.values().stream()
                    .filter(conversation -> variantName.equals(variantOf(conversation, name))).toList();
            results.add(variantResults(variantName, variant, own, conversations));
        }
        return new ExperimentReport(name, configured.isPresent(), results, DEFINITIONS);
    }

    private static @Nullable String variantOf(List<ExperimentMessage> conversation, String experiment) {
        return conversation.stream().filter(message -> experiment.equals(message.experiment()))
                .map(ExperimentMessage::variant).findFirst().orElse(null);
    }

    private ExperimentReport.VariantResults variantResults(String name, Optional<Experiment.Variant> variant,
            List<ExperimentMessage> own, List<List<ExperimentMessage>> conversations) {
        List<ExperimentMessage> replies = own.stream().filter(message -> "assistant".equals(message.role())).toList();
        long customerMessages = own.stream().filter(message -> "user".equals(message.role())).count();
        long prompt = 0;
        long completion = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long unpriced = 0;
        for (ExperimentMessage reply : replies) {
            long in = reply.promptTokens() == null ? 0 : reply.promptTokens();
            long out = reply.completionTokens() == null ? 0 : reply.completionTokens();
            prompt += in;
            completion += out;
            Optional<ModelPrices.Price> price = prices.of(reply.model());
            if (price.isPresent()) {
                cost = cost.add(price.get().cost(in, out));
            } else {
                unpriced++;
            }
        }
        long up = replies.stream().filter(reply -> "up".equals(reply.feedback())).count();
        long down = replies.stream().filter(reply -> "down".equals(reply.feedback())).count();
        long offered = conversations.stream()
                .filter(conversation -> conversation.stream().anyMatch(ExperimentMessage::screenShareOffered)).count();
        long handedOff = conversations.stream()
                .filter(conversation -> conversation.stream().anyMatch(ExperimentMessage::handedOff)).count();
        long assessed = 0;
        long fell = 0;
        for (List<ExperimentMessage> conversation : conversations) {
            List<Double> levels = conversation.stream().filter(message -> "user".equals(message.role()))
                    .map(ExperimentMessage::confusionLevel).filter(java.util.Objects::nonNull).toList();
            if (levels.size() >= 2) {
                assessed++;
                boolean anyFall = false;
                for (int i = 1; i < levels.size(); i++) {
                    anyFall |= levels.get(i) < levels.get(i - 1);
                }
                if (anyFall) {
                    fell++;
                }
            }
        }
        return new ExperimentReport.VariantResults(name, variant.map(Experiment.Variant::percent).orElse(null),
                variant.map(Experiment.Variant::provider).orElse(null), variant.map(Experiment.Variant::model).orElse(null),
                conversations.size(), customerMessages, replies.size(),
                replies.stream().filter(reply -> reply.route() != null).count(),
                new ExperimentReport.Tokens(prompt, completion, prompt + completion),
                new ExperimentReport.Cost(cost.setScale(6, RoundingMode.HALF_UP), unpriced),
                latency(replies.stream().map(ExperimentMessage::latencyMs).filter(java.util.Objects::nonNull)
                        .sorted().toList()),
                ExperimentReport.Rate.of(replies.stream().filter(reply -> Boolean.TRUE.equals(reply.fallback())).count(),
                        replies.size()),
                new ExperimentReport.Feedback(up, down, ExperimentReport.Rate.of(up, up + down)),
                ExperimentReport.Rate.of(offered, conversations.size()),
                ExperimentReport.Rate.of(handedOff, conversations.size()),
                ExperimentReport.Rate.of(fell, assessed));
    }

    /** Nearest-rank percentiles: the smallest latency at or below which the share of samples lies. */
    static ExperimentReport.Latency latency(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return new ExperimentReport.Latency(null, null, 0);
        }
        return new ExperimentReport.Latency(percentile(sorted, 50), percentile(sorted, 95), sorted.size());
    }

    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
