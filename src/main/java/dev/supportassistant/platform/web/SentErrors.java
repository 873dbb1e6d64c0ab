package dev.supportassistant.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * What an error the servlet container handles becomes: whatever called {@code sendError} (Spring
 * Security refusing an agent the operator's console, a malformed upload, Tomcat refusing
 * {@code TRACE}) ends up here, at {@code /error}, instead of Spring's Whitelabel page or Boot's
 * own error JSON. A browser gets the page a feature offers for the path it asked for (an
 * {@link ErrorViewResolver}: the desk's, for {@code /desk}); everyone else a problem detail, as
 * every other error is answered. {@code /error} asked for directly is no endpoint (404).
 *
 * <p>Code that answers a refusal through this path with words of its own sets them as the
 * request attribute {@link #DETAIL} before calling {@code sendError}.
 */
@Controller
class SentErrors implements ErrorController {

    /** A request attribute: the {@code detail} for the error about to be sent. */
    static final String DETAIL = SentErrors.class.getName() + ".detail";
    /** What a multipart body that cannot be read is told, wherever it is refused. */
    static final String MALFORMED_UPLOAD = "The upload is malformed: not a complete multipart/form-data body";

    private final List<ErrorViewResolver> pages;
    private final JsonMapper json;

    SentErrors(List<ErrorViewResolver> pages, JsonMapper json) {
        this.pages = pages;
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    @Nullable ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean sent = request.getDispatcherType() == DispatcherType.ERROR;
        int code = sent && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer given ? given
                : 404;
        HttpStatus status = HttpStatus.resolve(code) != null ? HttpStatus.valueOf(code)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String path = sent && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
        String detail = detail(request, status, path, sent);
        if (wantsPage(request)) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("status", status.value());
            model.put("error", status.getReasonPhrase());
            model.put("detail", detail);
            model.put("path", path);
            for (ErrorViewResolver feature : pages) {
                ModelAndView page = feature.resolveErrorView(request, status, model);
                if (page != null) {
                    page.setStatus(status);
                    return page;
                }
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", path);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof MultipartException) {
            body.put("success", false); // what the upload endpoints answer with (UploadRejectedException)
            body.put("error", detail);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
        return null;
    }

    /** In the words of whoever sent the error, else in general words for its status; never an exception's text. */
    private static String detail(HttpServletRequest request, HttpStatus status, String path, boolean sent) {
        if (request.getAttribute(DETAIL) instanceof String given) {
            return given;
        }
        if (!sent) {
            return "No endpoint answers " + request.getMethod() + " " + path;
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        return switch (status) {
            case BAD_REQUEST -> failure instanceof MultipartException ? MALFORMED_UPLOAD
                    : "The request is malformed";
            case UNAUTHORIZED -> "This needs credentials";
            case FORBIDDEN -> "Access denied";
            case NOT_FOUND -> "No endpoint answers " + request.getMethod() + " " + path;
            // The container refuses TRACE itself and dispatches here as GET: the method is not named, so as not to name the wrong one.
            case METHOD_NOT_ALLOWED -> "This method is not allowed for " + path;
            case SERVICE_UNAVAILABLE -> "The service is unavailable; try again in a moment";
            default -> status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        };
    }

    /** A browser asking for a page: HTML named among what it accepts (not only through a wildcard). */
    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.isCompatibleWith(
                    MediaType.TEXT_HTML) && !type.isWildcardType() && !type.isWildcardSubtype());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
