package dev.supportassistant.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the desk at the HTTP level, for tests of what the browser tests cannot
 * see (cookie attributes, refused requests): it keeps cookies, never follows redirects, and reads
 * the CSRF token the page's forms carry.
 */
final class DeskSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    DeskSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** The session's cookies as a {@code Cookie} header, for a client of its own (an event stream). */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** A form post as a script sends it (no {@code Accept}); {@code fields} name, value, name, value... */
    HttpResponse<String> post(String path, String... fields) {
        return send(form(path, fields));
    }

    /** A form post with headers besides (name, value, name, value...), e.g. the client's address behind the proxy. */
    HttpResponse<String> postWith(String[] headers, String path, String... fields) {
        return send(form(path, fields), headers);
    }

    /**
     * A form on {@code page} posted to {@code path} as a browser posts it: asking for HTML, with the
     * page as its referrer.
     */
    HttpResponse<String> submit(String page, String path, String... fields) {
        return send(form(path, fields).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Referer", base + page));
    }

    /** A post of {@code body} as it is, with its content type and headers (name, value, name, value...). */
    HttpResponse<String> postRaw(String path, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** A form with one file (field {@code file}) and text fields, as a browser posts it; {@code fields} name, value... */
    HttpResponse<String> submitFile(String page, String path, String fileName, byte[] file, String... fields) {
        String boundary = "----DeskSessionBoundary" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i]
                    + "\"\r\n\r\n" + fields[i + 1]).getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").header("Referer", base + page)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder form(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** Signs in as the sign-in page's form does, CSRF token included. */
    HttpResponse<String> signIn(String name, String password) {
        return post("/desk/sign-in", "name", name, "password", password, "_csrf", csrf("/desk/sign-in"));
    }

    /**
     * Signs in from {@code address}, as the tests' loopback proxy forwards it ({@code X-Forwarded-For}),
     * so that the sign-in counts against a client of its own.
     */
    HttpResponse<String> signInFrom(String address, String name, String password) {
        String token = csrf("/desk/sign-in");
        return postWith(new String[] {"X-Forwarded-For", address}, "/desk/sign-in", "name", name, "password",
                password, "_csrf", token);
    }

    /** The CSRF token of the first form on a page. */
    String csrf(String pagePath) {
        Matcher matcher = CSRF.matcher(get(pagePath).body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF field on " + pagePath);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
