package dev.supportassistant.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The help articles the assistant answers from. Articles are the Markdown files bundled under
 * {@code src/main/resources/knowledge/}; each section becomes a passage, and passages are found
 * by lexical (BM25) search.
 */
@Service
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final String ARTICLES = "classpath*:knowledge/*.md";

    private final List<HelpArticle> articles;
    private final LexicalIndex index;

    public KnowledgeBase() {
        this(loadBundledArticles());
    }

    KnowledgeBase(List<HelpArticle> articles) {
        this.articles = List.copyOf(articles);
        this.index = new LexicalIndex(articles.stream().flatMap(KnowledgeBase::passages).toList());
        log.info("Knowledge base: {} articles, {} passages", articles.size(), index.size());
    }

    /** The passages that best match the query, best first; empty when nothing matches at all. */
    public List<KnowledgePassage> search(String query, int limit) {
        return index.search(query, limit).stream()
                .map(hit -> new KnowledgePassage(hit.passage().chunkId(), hit.passage().articleTitle(),
                        hit.passage().sectionTitle(), hit.passage().text(), round(hit.coverage())))
                .toList();
    }

    /** The titles of all articles, for telling a customer what the assistant can help with. */
    public List<String> topics() {
        return articles.stream().map(HelpArticle::title).sorted().toList();
    }

    /** One passage a section; an introduction only says what the article covers, so it is left out. */
    private static java.util.stream.Stream<KnowledgePassage> passages(HelpArticle article) {
        List<KnowledgePassage> passages = new ArrayList<>();
        boolean hasSections = article.sections().size() > 1;
        for (int i = 0; i < article.sections().size(); i++) {
            HelpArticle.Section section = article.sections().get(i);
            if (hasSections && i == 0 && section.heading().equals(article.title())) {
                continue;
            }
            passages.add(new KnowledgePassage(article.slug() + "#" + (i + 1), article.title(), section.heading(),
                    section.body(), 0));
        }
        return passages.stream();
    }

    private static List<HelpArticle> loadBundledArticles() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(ARTICLES);
            List<HelpArticle> articles = new ArrayList<>();
            for (Resource resource : Arrays.stream(resources)
                    .sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                try (InputStream in = resource.getInputStream()) {
                    articles.add(HelpArticle.parse(resource.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled help articles", e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
