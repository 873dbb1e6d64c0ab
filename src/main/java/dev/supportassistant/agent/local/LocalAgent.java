package dev.supportassistant.agent.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.supportassistant.agent.AgentRegistry;
import dev.supportassistant.agent.AgentReply;
import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.AiAgent;
import dev.supportassistant.agent.ConversationTurn;
import dev.supportassistant.agent.TokenUsage;
import dev.supportassistant.embedding.SentenceEmbeddings;
import dev.supportassistant.knowledge.KnowledgeBase;
import dev.supportassistant.knowledge.KnowledgePassage;
import dev.supportassistant.language.CustomerTexts;

/**
 * The built-in offline agent. It answers only from the help articles: the best matching
 * passage's steps, a pointer to a related article, and an offer of screen sharing when the
 * customer seems stuck. It does not guess: a message that names no problem ("I need help with my
 * computer") gets a question back (what were you doing, what happened, any error text) with the
 * topics it knows, as does a question no passage covers well enough; a request outside support
 * ("write me a poem") gets a one-line answer saying what it can help with; greetings, thanks,
 * closings and waiting ("ok, I'll wait") get a short reply. Asked where to click on the screen the
 * customer shares, it names the label on it that does what they want ({@link ScreenQuestions}). It needs no key and no network, so it is also every provider's last
 * fallback.
 */
@Component
class LocalAgent implements AiAgent {

    static final String MODEL = "help-center-retrieval";


    /** Sections an answer names at most: the one it quotes and up to two more that are relevant. */
    static final int MAX_SOURCES = 3;

    private final KnowledgeBase knowledgeBase;
    private final OffTopicRequests offTopic;
    private final ScreenQuestions screenQuestions;

    LocalAgent(KnowledgeBase knowledgeBase, SentenceEmbeddings embeddings) {
        this.knowledgeBase = knowledgeBase;
        this.offTopic = new OffTopicRequests(embeddings);
        this.screenQuestions = new ScreenQuestions(embeddings);
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
                .filter(passage -> passage.relevance() >= KnowledgeBase.CONFIDENT_RELEVANCE).toList();
        Answer answer = compose(request, relevant);
        StringBuilder content = new StringBuilder();
        if (request.notInEnglish()) {
            // The articles are English and this agent does not translate: it says so, in the customer's language.
            content.append(CustomerTexts.text("local.english-only", request.language())).append("\n\n");
        }
        content.append(answer.text());
        if (request.offersScreenShare() && answer.mayOfferHelp()) {
            content.append("\n\nThis looks frustrating, and it may be quicker to look at it together: "
                    + "if you share your screen, a support specialist can see what you see and guide you step by step.");
        }
        String prompt = request.history().stream().map(ConversationTurn::content)
                .collect(Collectors.joining("\n", "", "\n" + request.message()));
        return new AgentReply(content.toString(), MODEL, TokenUsage.estimated(prompt, content.toString()),
                answer.sources(), answer.nothingFound());
    }

    /**
     * What the agent says, the passages it quotes, whether an offer of screen sharing fits after it, and
     * whether it said it found nothing.
     */
    private record Answer(String text, List<KnowledgePassage> sources, boolean mayOfferHelp, boolean nothingFound) {

        Answer(String text, List<KnowledgePassage> sources, boolean mayOfferHelp) {
            this(text, sources, mayOfferHelp, false);
        }
    }

    private Answer compose(AgentRequest request, List<KnowledgePassage> relevant) {
        Optional<Set<SmallTalk.Kind>> smallTalk = SmallTalk.read(request.message());
        if (smallTalk.isPresent()) {
            return new Answer(SmallTalk.reply(smallTalk.get()), List.of(), false);
        }
        Optional<String> onScreen = request.screen() == null || !ScreenQuestions.asksWhere(request.message())
                ? Optional.empty() : screenQuestions.labelFor(request.message(), request.screen().labels());
        if (onScreen.isPresent()) {
            // Quoted, as the screen spells it: the reply points at it on the screenshot.
            return new Answer("On your screen, click \"" + onScreen.get() + "\". If something else appears "
                    + "after that, tell me what it says and I'll help you with the next step.", List.of(), false);
        }
        if (VagueMessages.isVague(request.message())) {
            return new Answer(clarifyingQuestion(), List.of(), true);
        }
        if (relevant.isEmpty()) {
            return offTopic.isOffTopic(request.message()) ? new Answer(scope(), List.of(), false)
                    : new Answer(notFound(), List.of(), true, true);
        }
        KnowledgePassage best = relevant.get(0);
        StringBuilder answer = new StringBuilder("Here is what our help articles say about **")
                .append(best.sectionTitle()).append("** (from \"").append(best.articleTitle()).append("\"):\n\n")
                .append(best.text());
        // Other relevant sections, best first, are sources too, so a near miss can be put right by
        // the next one; the second may be the other problem of a message that named two (the search
        // puts it there). The reply names those of other articles: a section of the same article
        // is one scroll away in the article it names.
        List<KnowledgePassage> others = relevant.stream().skip(1)
                .filter(passage -> !passage.sectionTitle().equals(best.sectionTitle()))
                .limit(MAX_SOURCES - 1).toList();
        List<KnowledgePassage> elsewhere = others.stream()
                .filter(passage -> !passage.articleTitle().equals(best.articleTitle())).toList();
        if (!elsewhere.isEmpty()) {
            answer.append(elsewhere.size() == 1 ? "\n\nYou may also find this useful: "
                    : "\n\nYou may also find these useful: ")
                    .append(elsewhere.stream().map(related -> "**" + related.sectionTitle() + "** in \""
                            + related.articleTitle() + "\"").collect(Collectors.joining("; ")))
                    .append(".");
        }
        answer.append("\n\nDid that solve it? If not, tell me what you see at the step where it goes wrong.");
        List<KnowledgePassage> sources = new ArrayList<>(List.of(best));
        sources.addAll(others);
        return new Answer(answer.toString(), sources, true);
    }

    /** One line: what the assistant is for. */
    private String scope() {
        List<String> topics = knowledgeBase.topics();
        return "I'm the support assistant for this app, so I can only help with questions about using it"
                + (topics.isEmpty() ? "." : ", such as: " + String.join(", ", topics) + ".");
    }

    private String clarifyingQuestion() {
        return "I'd be glad to help. So I can find the right steps, could you tell me a bit more: what were you doing, "
                + "what happened, and the exact text of any error message?" + topics();
    }

    private String notFound() {
        return "I'm sorry, I couldn't find an answer to that in our help articles, and I'd rather not guess. "
                + "Could you tell me a bit more: what are you trying to do, what happens instead, and the exact "
                + "text of any error message?" + topics();
    }

    private String topics() {
        List<String> topics = knowledgeBase.topics();
        return topics.isEmpty() ? "" : "\n\nI can help with topics such as: " + String.join(", ", topics) + ".";
    }
}
