package dev.supportassistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for driving the running service the way the frontend does: raw JSON in,
 * raw JSON out, no Spring conversions in between.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The operators' key in tests: src/test/resources/config/application.yml sets ADMIN_API_KEY to it. */
    public static final String TEST_ADMIN_KEY = "test-admin-key-0123456789abcdef-0123456789";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String[] defaultHeaders;

    public ApiClient(int port) {
        this("http://localhost:" + port);
    }

    private ApiClient(String baseUrl, String... defaultHeaders) {
        this.baseUrl = baseUrl;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same client acting as an operator: every request carries the admin API key. */
    public ApiClient asAdmin() {
        return new ApiClient(baseUrl, "X-API-Key", TEST_ADMIN_KEY);
    }

    /** The same client acting as a customer: every request carries their token. */
    public ApiClient withBearer(String token) {
        return new ApiClient(baseUrl, "Authorization", "Bearer " + token);
    }

    /** An answer: its status, headers and body, with the body parsed as JSON when it is JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String jsonBody, String... headers) {
        return send("POST", path, jsonBody, headers);
    }

    /** A customer's message to a new conversation through {@code POST /api/v1/chat}. */
    public Response chat(String message, String... headers) {
        return chat(ChatRequest.message(message), headers);
    }

    /** {@code POST /api/v1/chat}. */
    public Response chat(ChatRequest request, String... headers) {
        return post("/api/v1/chat", request.json(), headers);
    }

    /** {@code POST /api/v1/chat/stream}, read whole. */
    public Response chatStream(ChatRequest request, String... headers) {
        return post("/api/v1/chat/stream", request.json(), headers);
    }

    /**
     * @param headers name, value, name, value...
     */
    public Response send(String method, String path, String jsonBody, String... headers) {
        return sendBytes(method, path, jsonBody == null ? null : jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                jsonBody == null ? null : "application/json", headers);
    }

    /** Sends raw bytes, e.g. invalid UTF-8, with the given content type (none when null). */
    public Response sendBytes(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < defaultHeaders.length; i += 2) {
            request.header(defaultHeaders[i], defaultHeaders[i + 1]);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A multipart/form-data upload as a browser's {@code FormData} sends it: one file, then text fields.
     *
     * @param fields name, value, name, value...
     */
    public Response upload(String path, String fileField, String fileName, String fileType, byte[] file,
            String... fields) {
        String boundary = "----FormBoundary" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(utf8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        return sendBytes("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** An answer whose body is bytes, such as an image or audio. */
    public record BinaryResponse(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Sends a request (with a JSON body unless null) and keeps the answer's bytes as they are. */
    public BinaryResponse binary(String method, String path, String jsonBody, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < defaultHeaders.length; i += 2) {
            request.header(defaultHeaders[i], defaultHeaders[i + 1]);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal, for building request bodies. */
    public static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
