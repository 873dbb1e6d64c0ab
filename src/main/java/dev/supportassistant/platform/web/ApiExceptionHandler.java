package dev.supportassistant.platform.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
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
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where failures become HTTP answers: RFC 9457 problem details whose
 * {@code detail} the frontend shows. Invalid requests are 422 as in the old backend; features
 * signal their own statuses by throwing {@link org.springframework.web.ErrorResponseException}
 * subclasses, which the base class renders. Unexpected failures are logged here and answered with
 * a generic 500 that carries no exception text. Public so that modules can test how their failures
 * are answered (a MockMvc with this advice). Requests Spring Security refuses never reach it: the
 * security module answers them the same way.
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
        return unprocessable((detail.isEmpty() ? "Invalid request" : detail) + ignoredFields(request));
    }

    /** "; the body's "msg" is not a field here (the fields are ...)", when the body had fields the request lacks. */
    private static String ignoredFields(WebRequest request) {
        IgnoredFields.Noted noted = IgnoredFields.of(request);
        if (noted == null || noted.names().isEmpty()) {
            return "";
        }
        String names = noted.names().stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
        return "; the body's " + names + (noted.names().size() == 1 ? " is not a field here" : " are not fields here")
                + (noted.known().isEmpty() ? "" : " (the fields are " + String.join(", ", noted.known()) + ")");
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
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        String field = jsonField(ex);
        if (field == null) {
            return unprocessable("Malformed JSON request body: expected a JSON object with the documented fields");
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                String found = JsonTypes.of(mismatch.getCurrentToken());
                return unprocessable(field + ": expected " + JsonTypes.of(mismatch.getTargetType())
                        + (found == null ? "" : ", found " + found));
            }
        }
        return unprocessable(field + ": has the wrong JSON type for this field");
    }

    /**
     * A body whose type the endpoint does not read: said in terms of what to send. An upload
     * endpoint answers as its other refusals do ({@code success}, {@code error}), and a request
     * that sent nothing at all is the upload without a file, 400, whatever its headers.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String was = sent == null ? " (this request had no Content-Type)" : " (this request's Content-Type was "
                + clip(sent) + ")";
        if (ex.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes)) {
            UploadRejectedException refusal = hasBody(request)
                    ? UploadRejectedException.unsupported("Send the file as multipart/form-data in the field 'file'" + was)
                    : UploadRejectedException.empty("file: no file was sent; send it as multipart/form-data in the field 'file'");
            return ResponseEntity.status(refusal.getStatusCode()).headers(headers).body(refusal.getBody());
        }
        if (ex.getSupportedMediaTypes().stream().anyMatch(MediaType.APPLICATION_JSON::includes)) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "Send the body as JSON, with the header Content-Type: application/json" + was));
        }
        return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    }

    private static boolean hasBody(WebRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.strip().equals("0"));
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

    /**
     * An upload that ran over {@code MAX_UPLOAD_BYTES} while it was read (a body sent without its
     * length): the same answer as one refused by its declared length ({@link RequestSizeFilter}).
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "Request body larger than " + (ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() + " bytes"
                : "MAX_UPLOAD_BYTES");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(UploadRejectedException.tooLarge(detail)
                .getBody());
    }

    /** A path no endpoint serves: said as such, not as the missing static file Spring looked for last. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No endpoint answers " + ex.getHttpMethod() + " " + (request instanceof ServletWebRequest servlet
                        ? servlet.getRequest().getRequestURI() : "/" + ex.getResourcePath())));
    }

    /**
     * A multipart body that cannot be read (no boundary, no closing boundary, a part cut short): 400
     * through the container's error path ({@link SentErrors}), so that a browser at the desk gets the
     * desk's page and everyone else a problem detail with the upload endpoints' {@code success} and
     * {@code error}. One that ran over {@code MAX_UPLOAD_BYTES} while it was read is a 413.
     */
    @ExceptionHandler(MultipartException.class)
    @Nullable ResponseEntity<Object> handleMalformedUpload(MultipartException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeFilter.BodyTooLargeException tooLarge) { // ran over while it was read
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(UploadRejectedException.tooLarge(tooLarge.getMessage()).getBody());
            }
        }
        request.setAttribute(SentErrors.DETAIL, SentErrors.MALFORMED_UPLOAD);
        // Tells the error dispatch's DispatcherServlet not to parse the body again, which would fail again.
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
        response.sendError(HttpStatus.BAD_REQUEST.value());
        return null;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return unprocessable("Invalid value for '" + ex.getName() + "'");
    }

    /**
     * The database is unreachable (stopped, restarting, network gone), or too busy to take another
     * caller: 503, so clients and load balancers retry. Either comes as a failure to get a connection
     * within the pool's connection timeout (application.yml), or to open a transaction; busy when the
     * pool timed out with no failure to connect behind it (HikariCP's), or a writing got no turn at
     * the next commit ({@link dev.supportassistant.platform.database.GroupCommit}).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<Object> handleDatabaseUnavailable(Exception ex) {
        boolean busy = false;
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            busy |= cause instanceof SQLTransientConnectionException && cause.getCause() == null;
        }
        log.warn("Database {}: {}", busy ? "too busy" : "unavailable", ex.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, busy
                ? "The service is too busy to take this request now; try again in a moment"
                : "The service's database is unavailable; try again in a moment");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        log.error("Unhandled failure", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal server error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ResponseEntity<Object> unprocessable(String detail) {
        return ResponseEntity.unprocessableContent()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail));
    }

    /** The JSON field a body could not be read at, as the client spelled it, when the failure names one. */
    private static @Nullable String jsonField(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                String path = jackson.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return path.isEmpty() ? null : path;
            }
        }
        return null;
    }

    /** A request parameter's or path variable's name as the client sends it ({@code user_id}, not {@code userId}). */
    private static String wireName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "request" : snakeCase(name);
    }

    private static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
