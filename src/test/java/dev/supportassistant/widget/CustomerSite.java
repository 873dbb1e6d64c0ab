package dev.supportassistant.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A company's website on an origin of its own (not the service's): a page with nothing of the
 * service on it but the widget's script tag, as docs/widget.md tells a company to add it. A page
 * may add its own CSS (e.g. {@code * { all: unset }}) and {@code data-} attributes to the tag.
 */
final class CustomerSite implements AutoCloseable {

    private final HttpServer server;
    private final String origin;

    private CustomerSite(HttpServer server, String origin) {
        this.server = server;
        this.origin = origin;
    }

    /** Serves pages on a free port of 127.0.0.1, each with the script from {@code service}. */
    static CustomerSite onAnyPort(String service) {
        return at("http://127.0.0.1:0", service);
    }

    /** Serves pages at {@code origin} (http://127.0.0.1:port), each with the script from {@code service}. */
    static CustomerSite at(String origin, String service) {
        URI address = URI.create(origin);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address.getHost(), address.getPort()), 0);
            server.createContext("/", exchange -> {
                // The page's CSS and the tag's attributes come from the query: ?css=...&attributes=...
                String query = exchange.getRequestURI().getQuery();
                String css = parameter(query, "css");
                String attributes = parameter(query, "attributes");
                byte[] page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>Acme Widgets</title><style>" + css + "</style></head><body>"
                        + "<h1>Acme Widgets</h1><p>Our shop. <a href=\"#top\">Top of the page</a></p>"
                        + "<script src=\"" + service + "/widget.js\" defer " + attributes + "></script>"
                        + "</body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (var body = exchange.getResponseBody()) {
                    body.write(page);
                }
            });
            // A spoken sentence ("my printer is not working") for a page that stands in for a microphone.
            server.createContext("/printer.wav", exchange -> {
                byte[] sound;
                try (var in = CustomerSite.class.getResourceAsStream("/media/printer-22k.wav")) {
                    sound = in.readAllBytes();
                }
                exchange.getResponseHeaders().set("Content-Type", "audio/wav");
                exchange.sendResponseHeaders(200, sound.length);
                try (var body = exchange.getResponseBody()) {
                    body.write(sound);
                }
            });
            server.start();
            return new CustomerSite(server, "http://" + address.getHost() + ":" + server.getAddress().getPort());
        } catch (IOException portTaken) {
            throw new UncheckedIOException("The customer's site cannot listen at " + origin, portTaken);
        }
    }

    String origin() {
        return origin;
    }

    String page() {
        return origin + "/";
    }

    String page(String css, String attributes) {
        return origin + "/?css=" + java.net.URLEncoder.encode(css, StandardCharsets.UTF_8) + "&attributes="
                + java.net.URLEncoder.encode(attributes, StandardCharsets.UTF_8);
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
