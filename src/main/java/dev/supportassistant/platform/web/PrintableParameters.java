package dev.supportassistant.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds what a request carries outside its body to the {@link Printable} rule ({@link ControlCharacters}), before any
 * endpoint sees it: query parameters and path segments are names and ids (no control characters at
 * all), form fields may be text a person wrote (line breaks and tabs allowed). A refusal is a 422
 * naming the parameter, as a request body's is; a browser asking for a page gets it through the container's
 * error path ({@link SentErrors}), on the page a feature offers (the desk's).
 */
@Component
class PrintableParameters implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        try {
            refuseControlCharacters(request);
        } catch (ErrorResponseException refused) {
            if (!SentErrors.wantsPage(request)) {
                throw refused;
            }
            // A browser (a tab pasted into the desk's Search box) gets the page its feature offers, as for
            // every error sent through the container's error path; scripts the problem detail above.
            request.setAttribute(SentErrors.DETAIL, refused.getBody().getDetail());
            response.sendError(refused.getStatusCode().value());
            return false;
        }
        return true;
    }

    private static void refuseControlCharacters(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return; // an error page or a stream's later dispatch: the request was held to the rule already
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
                refuseControlCharacters(name, value, false);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> refuseControlCharacters(String.valueOf(name), String.valueOf(value),
                    false));
        }
        // Form fields, and the query's again (allowed less above): line breaks and tabs may stay.
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                refuseControlCharacters(parameter.getKey(), value, true);
            }
        }
    }

    private static void refuseControlCharacters(String name, @Nullable String value, boolean lines) {
        boolean badName = ControlCharacters.in(name, false);
        if (badName || value != null && ControlCharacters.in(value, lines)) {
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, (badName ? "A parameter's name" : snakeCase(name)) + ": "
                            + (lines ? ControlCharacters.REFUSAL_IN_TEXT : ControlCharacters.REFUSAL)), null);
        }
    }

    /** A query's name or value as the servlet container decodes it; undecodable text is left as sent. */
    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /** A path variable's name as the API spells its fields ({@code conversation_id}, not {@code conversationId}). */
    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
