package dev.supportassistant.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds what a request carries outside its body to the {@link ControlCharacters} rule before any endpoint sees
 * it: query parameters and path variables are names and ids, form fields may be text a person wrote. A refusal
 * is a 422 naming the parameter, sent through {@link SentErrors}, so that a browser gets its feature's page (a
 * tab pasted into the desk's Search box).
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
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true; // an error page or a stream's later dispatch: the request was held to the rule already
        }
        try {
            refuseControlCharacters(request);
            return true;
        } catch (ErrorResponseException refused) {
            request.setAttribute(SentErrors.PROBLEM, refused.getBody());
            response.sendError(refused.getStatusCode().value());
            return false;
        }
    }

    private static void refuseControlCharacters(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> refuseControlCharacters(String.valueOf(name), String.valueOf(value),
                    false));
        }
        // A form's fields may hold line breaks and tabs (no form of the service's has a query).
        boolean form = RequestSizeFilter.hasType(request, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || RequestSizeFilter.hasType(request, MediaType.MULTIPART_FORM_DATA_VALUE);
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                refuseControlCharacters(name, value, form);
            }
        });
    }

    private static void refuseControlCharacters(String name, String value, boolean lines) {
        boolean badName = ControlCharacters.in(name, false);
        if (badName || ControlCharacters.in(value, lines)) {
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, (badName ? "A parameter's name" : ApiExceptionHandler.snakeCase(
                            name)) + ": " + (lines ? ControlCharacters.REFUSAL_IN_TEXT : ControlCharacters.REFUSAL)),
                    null);
        }
    }
}
