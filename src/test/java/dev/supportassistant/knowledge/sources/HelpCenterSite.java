package dev.supportassistant.knowledge.sources;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import com.sun.net.httpserver.HttpServer;

/**
 * A small help-center site on 127.0.0.1 for the tests: pages that can be changed or taken away,
 * robots.txt, a sitemap listing the pages, and a record of every path asked for.
 */
public final class HelpCenterSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private volatile @Nullable String robots = "User-agent: *\nDisallow: /help/private/\n";

    public HelpCenterSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            String body;
            String type;
            if (path.equals("/robots.txt") && robots == null) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            } else if (path.equals("/robots.txt")) {
                body = robots;
                type = "text/plain";
            } else if (path.equals("/sitemap.xml")) {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                pages.keySet().stream().sorted().forEach(page -> xml.append("<url><loc>").append(url(page))
                        .append("</loc></url>\n"));
                body = xml.append("</urlset>\n").toString();
                type = "application/xml";
            } else {
                body = pages.get(path);
                type = "text/html; charset=utf-8";
            }
            byte[] bytes = body == null ? "Not found".getBytes(StandardCharsets.UTF_8) : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", body == null ? "text/plain" : type);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Puts a page at {@code path} (such as {@code /help/billing.html}): an article with a navigation bar. */
    public void page(String path, String title, String heading, String text, String... links) {
        StringBuilder nav = new StringBuilder("<nav><a href=\"/\">Home</a>");
        for (String link : links) {
            nav.append(" <a href=\"").append(link).append("\">").append(link).append("</a>");
        }
        pages.put(path, "<!DOCTYPE html><html><head><title>" + title + " · Help</title></head><body>" + nav
                + "</nav><main><h1>" + title + "</h1><h2>" + heading + "</h2><p>" + text + "</p></main>"
                + "<footer>Contact us</footer></body></html>");
    }

    /** Makes robots.txt answer 503 Service Unavailable. */
    public void robotsUnavailable() {
        robots = null;
    }

    public void remove(String path) {
        pages.remove(path);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<String> requested() {
        return List.copyOf(requested);
    }

    public void forgetRequests() {
        requested.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
