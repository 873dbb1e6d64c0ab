package dev.supportassistant.knowledge;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.supportassistant.platform.web.Printable;
import dev.supportassistant.platform.web.UploadRejectedException;

/**
 * Operator endpoints for the knowledge base: add a document (JSON text or a file), list them, delete one. The security
 * module's access rules let only operators in.
 */
@RestController
@RequestMapping("/api/v1/docs")
class DocumentController {

    private final DocumentLibrary library;

    DocumentController(DocumentLibrary library) {
        this.library = library;
    }

    /**
     * A document to add: Markdown ({@code ##} headings become sections) or plain text. The title is
     * optional, as for the original backend; without one, the content's first line is the title.
     */
    record NewDocument(@Size(max = 500) @Printable @Nullable String title,
            @NotBlank @Size(max = 200_000) @Printable(lines = true) String content) {

        String titleOrFirstLine() {
            if (title != null && !title.isBlank()) {
                return title.strip();
            }
            String first = content.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
            return first.length() <= 120 ? first : first.substring(0, 119) + "…";
        }
    }

    /** The added document, with {@code "success": true}, which the original frontend checks. */
    record Added(boolean success, String id, String title, String origin, String sourceFile, int chunks,
            Instant createdAt) {

        Added(KnowledgeDocument document) {
            this(true, document.id(), document.title(), document.origin(), document.sourceFile(), document.chunks(),
                    document.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<Added> add(@Valid @RequestBody NewDocument document) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Added(library.add(document.titleOrFirstLine(), document.content())));
    }

    /**
     * A file as multipart field {@code file}: PDF, Word (.docx), HTML, Markdown or text; optional
     * field {@code title}. Refused by its declared size before it is read.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Added> upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "title", required = false) @Nullable String title) throws IOException {
        if (file == null || file.isEmpty()) {
            throw UploadRejectedException.empty("file: no file was sent; send it as multipart/form-data in the field 'file'");
        }
        if (title != null && title.length() > 500) {
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "title: at most 500 characters"), null);
        }
        library.checkFileSize(file.getOriginalFilename(), file.getSize());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Added(library.addFile(file.getOriginalFilename(), file.getBytes(), title)));
    }

    @GetMapping
    List<KnowledgeDocument> list() {
        return library.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!library.delete(id)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Document not found"), null);
        }
        return ResponseEntity.noContent().build();
    }
}
