package dev.supportassistant.knowledge;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.web.Printable;

/**
 * Operator endpoints for the knowledge base's web sources: list them with their pages and last
 * sync, add one (read at once), remove one, and "Sync now". The security module's access rules let
 * only operators in.
 */
@RestController
@RequestMapping("/api/v1/knowledge/sources")
class SourceController {

    private final WebSources sources;

    SourceController(WebSources sources) {
        this.sources = sources;
    }

    /** A source to add: the address of a page, a sitemap or a site. */
    record NewSource(@NotBlank @Size(max = 2000) @Printable String url) {
    }

    /** Whether a sync was started; {@code false} while one is under way. */
    record SyncStarted(boolean started, String detail) {
    }

    @GetMapping
    List<WebSource> list() {
        return sources.list();
    }

    @PostMapping
    ResponseEntity<WebSource> add(@Valid @RequestBody NewSource source) {
        WebSource added = sources.add(source.url());
        sources.requestSync(added.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        sources.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/sync")
    ResponseEntity<SyncStarted> sync(@PathVariable String id) {
        boolean started = sources.requestSync(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SyncStarted(started, started
                ? "Sync started; GET /api/v1/knowledge/sources shows its result when it ends"
                : "A sync of this source is under way"));
    }
}
