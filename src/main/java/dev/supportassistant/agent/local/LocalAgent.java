package dev.supportassistant.agent.local;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.supportassistant.agent.AgentRegistry;
import dev.supportassistant.agent.AgentReply;
import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.AiAgent;
import dev.supportassistant.agent.ConversationTurn;
import dev.supportassistant.agent.TokenUsage;
import dev.supportassistant.knowledge.KnowledgeBase;
import dev.supportassistant.knowledge.KnowledgePassage;

/**
 * The built-in offline agent. It answers only from the help articles: the best matching
 * passage's steps, a pointer to a related article, and an offer of screen sharing when the
 * customer seems stuck. When no passage covers the question well enough it says so and asks for
 * details instead of guessing. It needs no key and no network, so it is also every provider's
 * last fallback.
 */
@Component
class LocalAgent implements AiAgent {

    static final String MODEL = "help-center-retrieval";

    /** Share of the question's weight a passage must cover to be offered as the answer. */
    private static final double ANSWER_RELEVANCE = 0.45;
    /** A second article is mentioned only when it is nearly as relevant. */
    private static final double RELATED_RELEVANCE = 0.45;
    private static final Pattern SMALL_TALK = Pattern.compile(
            "^(hi|hello|hey|good (morning|afternoon|evening)|thanks?( you)?|thank you( so much)?|ok(ay)?|cheers)"
                    + "( there| team| all| everyone| a lot)?[!. ]*$");
    private static final Pattern THANKS = Pattern.compile("^(thanks?|thank you|cheers).*");

    private final KnowledgeBase knowledgeBase;

    LocalAgent(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Override
    public String provider() {
        return AgentRegistry.LOCAL;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public Optional<String> missingConfiguration() {
        return Optional.empty();
    }

    @Override
    public AgentReply reply(AgentRequest request) {
        List<KnowledgePassage> relevant = request.passages().stream()
                .filter(passage -> passage.relevance() >= ANSWER_RELEVANCE).toList();
        String content = compose(request, relevant);
        String prompt = request.history().stream().map(ConversationTurn::content)
                .collect(Collectors.joining("\n", "", "\n" + request.message()));
        return new AgentReply(content, MODEL, TokenUsage.estimated(prompt, content),
                relevant.isEmpty() ? List.of() : List.of(relevant.get(0)));
    }

    private String compose(AgentRequest request, List<KnowledgePassage> relevant) {
        String message = request.message().strip().toLowerCase(Locale.ROOT);
        if (SMALL_TALK.matcher(message).matches()) {
            return THANKS.matcher(message).matches()
                    ? "You're welcome! Is there anything else I can help you with?"
                    : "Hello! I'm the support assistant. Tell me what you are trying to do or what went wrong, "
                            + "and I'll look it up in our help articles.";
        }
        StringBuilder answer = new StringBuilder();
        if (relevant.isEmpty()) {
            answer.append(notFound());
        } else {
            KnowledgePassage best = relevant.get(0);
            answer.append("Here is what our help articles say about **").append(best.sectionTitle())
                    .append("** (from \"").append(best.articleTitle()).append("\"):\n\n")
                    .append(best.text());
            relevant.stream().skip(1)
                    .filter(passage -> !passage.articleTitle().equals(best.articleTitle())
                            && passage.relevance() >= RELATED_RELEVANCE)
                    .findFirst()
                    .ifPresent(related -> answer.append("\n\nYou may also find this useful: **")
                            .append(related.sectionTitle()).append("** in \"").append(related.articleTitle())
                            .append("\"."));
            answer.append("\n\nDid that solve it? If not, tell me what you see at the step where it goes wrong.");
        }
        if (request.confusion().confused()) {
            answer.append("\n\nThis looks frustrating, and it may be quicker to look at it together: "
                    + "if you share your screen, a support specialist can see what you see and guide you step by step.");
        }
        return answer.toString();
    }

    private String notFound() {
        List<String> topics = knowledgeBase.topics();
        return "I'm sorry, I couldn't find an answer to that in our help articles, and I'd rather not guess. "
                + "Could you tell me a bit more: what are you trying to do, what happens instead, and the exact "
                + "text of any error message?"
                + (topics.isEmpty() ? "" : "\n\nI can help with topics such as: " + String.join(", ", topics) + ".");
    }
}
