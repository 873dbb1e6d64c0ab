package dev.supportassistant.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code /error}, where every {@code sendError} ends up (Spring Security's refusals, a refused
 * body, Tomcat refusing {@code TRACE}), in place of the Whitelabel page: a browser gets the page a feature
 * offers for the path (an {@link ErrorViewResolver}: the desk's), everyone else a problem detail. Code with
 * words of its own sets its problem as the request attribute {@link #PROBLEM} before {@code sendError}.
 */
@Controller
class SentErrors implements ErrorController {

    /** A request attribute: the {@link ProblemDetail} to answer the error about to be sent with. */
    static final String PROBLEM = SentErrors.class.getName() + ".problem";
    private static final String MALFORMED_UPLOAD = "The upload is malformed: not a complete multipart/form-data body";

    private final List<ErrorViewResolver> pages;
    private final JsonMapper json;

    SentErrors(List<ErrorViewResolver> pages, JsonMapper json) {
        this.pages = pages;
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        boolean sent = request.getDispatcherType() == DispatcherType.ERROR; // else /error was asked for: no endpoint
        int code = sent && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer given ? given
                : 404;
        HttpStatus status = Objects.requireNonNullElse(HttpStatus.resolve(code), HttpStatus.INTERNAL_SERVER_ERROR);
        String path = sent && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
        ProblemDetail problem = request.getAttribute(PROBLEM) instanceof ProblemDetail given ? given
                : request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof MultipartException
                        ? UploadRejectedException.problem(HttpStatus.BAD_REQUEST, MALFORMED_UPLOAD)
                        : ProblemDetail.forStatusAndDetail(status, detail(request, status, path, sent));
        if (wantsPage(request)) {
            Map<String, Object> model = Map.of("status", status.value(), "error", status.getReasonPhrase(),
                    "detail", Objects.requireNonNullElse(problem.getDetail(), ""), "path", path);
            for (ErrorViewResolver feature : pages) {
                ModelAndView page = feature.resolveErrorView(request, status, model);
                if (page != null) {
                    page.setStatus(status);
                    return page;
                }
            }
        }
        problem.setInstance(URI.create(path));
        // Whole and with its length: a client still sending a refused body reads it before the connection closes.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.writeValueAsBytes(problem));
    }

    /** General words for the status: never an exception's text. */
    private static String detail(HttpServletRequest request, HttpStatus status, String path, boolean sent) {
        if (!sent || status == HttpStatus.NOT_FOUND) {
            return "No endpoint answers " + request.getMethod() + " " + path;
        }
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed";
            case UNAUTHORIZED -> "This needs credentials";
            case FORBIDDEN -> "Access denied";
            // The container refuses TRACE itself and dispatches here as GET: naming a method would name the wrong one.
            case METHOD_NOT_ALLOWED -> "This method is not allowed for " + path;
            case SERVICE_UNAVAILABLE -> "The service is unavailable; try again in a moment";
            default -> status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        };
    }

    /** A browser asking for a page: HTML named among what it accepts (not only through a wildcard). */
    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.isCompatibleWith(
                    MediaType.TEXT_HTML) && !type.isWildcardType() && !type.isWildcardSubtype());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
