package dev.supportassistant.platform.web;

import java.io.IOException;
import java.math.BigInteger;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where failures become HTTP answers: problem details whose {@code detail} the frontend shows.
 * Invalid requests are 422, as in the old backend; features throw {@link ErrorResponseException}s for statuses
 * of their own, which the base class renders; anything unexpected is logged and answered 500 without its text.
 * Spring Security's refusals are answered here too ({@code SecurityRefusals} hands them over). Public so that
 * modules can test their failures' answers (a MockMvc with this advice).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> snakeCase(error.getField()) + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        String ignored = JsonConfiguration.IgnoredFields.named(request);
        return unprocessable((detail.isEmpty() ? "Invalid request" : detail) + ignored);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> wireName(result.getMethodParameter()) + ": " + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return unprocessable(detail.isEmpty() ? "Invalid request" : detail);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ErrorResponseException refused = cause(ex, ErrorResponseException.class); // a body over the limit
        if (refused != null) {
            return handleErrorResponseException(refused, headers, refused.getStatusCode(), request);
        }
        JacksonException jackson = cause(ex, JacksonException.class);
        if (jackson == null || jackson.getPath().isEmpty()) {
            return unprocessable("Malformed JSON request body: expected a JSON object with the documented fields");
        }
        String field = jackson.getPath().stream()
                .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String found = jsonType(mismatch.getCurrentToken());
            return unprocessable(field + ": expected " + jsonType(mismatch.getTargetType())
                    + (found == null ? "" : ", found " + found));
        }
        return unprocessable(field + ": has the wrong JSON type for this field");
    }

    /**
     * A body whose type the endpoint does not read, said in terms of what to send. An upload endpoint answers
     * as its other refusals do ({@link UploadRejectedException}); one sent nothing at all is sent no file, 400.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String was = sent == null ? " (this request had no Content-Type)"
                : " (this request's Content-Type was " + clip(sent) + ")";
        if (ex.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes)) {
            String how = "multipart/form-data in the field 'file'";
            ErrorResponseException refusal = hasBody(request)
                    ? UploadRejectedException.unsupported("Send the file as " + how + was)
                    : UploadRejectedException.empty("file: no file was sent; send it as " + how);
            return handleErrorResponseException(refusal, headers, refusal.getStatusCode(), request);
        }
        if (ex.getSupportedMediaTypes().stream().anyMatch(MediaType.APPLICATION_JSON::includes)) {
            ex.getBody().setDetail("Send the body as JSON, with the header Content-Type: application/json" + was);
        }
        return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    }

    private static boolean hasBody(WebRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.strip().equals("0"));
    }

    /** A header as the client sent it, short enough for one line. */
    private static String clip(String header) {
        String line = header.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 100 ? line : line.substring(0, 100) + "…";
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return unprocessable("Missing required query parameter '" + ex.getParameterName() + "'");
    }

    /** An upload that ran over {@code MAX_UPLOAD_BYTES} while it was read: as {@link RequestSizeFilter} answers. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() + " bytes" : "MAX_UPLOAD_BYTES";
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(
                UploadRejectedException.problem(HttpStatus.CONTENT_TOO_LARGE, "Request body larger than " + limit));
    }

    /** A path no endpoint serves: said as such, not as the missing static file Spring looked for last. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String path = ((ServletWebRequest) request).getRequest().getRequestURI();
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No endpoint answers " + ex.getHttpMethod() + " " + path));
    }

    /** A multipart body that cannot be read: 400 through {@link SentErrors}, so that the desk answers a browser. */
    @ExceptionHandler(MultipartException.class)
    void handleMalformedUpload(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // Also keeps the error dispatch's DispatcherServlet from parsing the body again, which would fail again.
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return unprocessable("Invalid value for '" + ex.getName() + "'");
    }

    /**
     * The database unreachable, or too busy to take another caller: 503, so that clients and load balancers
     * retry. Busy when the pool timed out with no failure to connect behind it (HikariCP's), or a write got no
     * turn at the next commit ({@link dev.supportassistant.platform.database.GroupCommit}).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<Object> handleDatabaseUnavailable(Exception ex) {
        SQLTransientConnectionException timeout = cause(ex, SQLTransientConnectionException.class);
        boolean busy = timeout != null && timeout.getCause() == null;
        log.warn("Database {}: {}", busy ? "too busy" : "unavailable", ex.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, busy
                ? "The service is too busy to take this request now; try again in a moment"
                : "The service's database is unavailable; try again in a moment");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        log.error("Unhandled failure", ex);
        return ResponseEntity.internalServerError()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"));
    }

    private static ResponseEntity<Object> unprocessable(String detail) {
        return ResponseEntity.unprocessableContent()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail));
    }

    private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** A request parameter's or path variable's name as the client sends it ({@code user_id}, not {@code userId}). */
    private static String wireName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        String name = query != null ? query.name() : path != null ? path.name() : "";
        return name.isEmpty() ? snakeCase(Objects.requireNonNullElse(parameter.getParameterName(), "request")) : name;
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** What a field of this Java type takes, in the words a client reads ("expected text, found a number"). */
    private static String jsonType(Class<?> target) {
        Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(target);
        if (type == String.class || type == Character.class || type.isEnum()) {
            return "text";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) ? "an object" : "an object with the documented fields";
    }

    /** What the body held where the field's value was; absent when it is not known. */
    private static @Nullable String jsonType(@Nullable JsonToken found) {
        return found == null ? null : switch (found) {
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            default -> null;
        };
    }
}
