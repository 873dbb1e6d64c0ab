package dev.supportassistant.knowledge;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.web.Printable;

/**
 * Operator endpoints for knowledge gaps: the open gaps, and answering one (the answer becomes a
 * document and the gap closes). The security module's access rules let only operators in.
 */
@RestController
@RequestMapping("/api/v1/knowledge/gaps")
class GapController {

    private final KnowledgeGaps gaps;

    GapController(KnowledgeGaps gaps) {
        this.gaps = gaps;
    }

    /** An operator's answer: the document's title and its Markdown or text. */
    record Answer(@NotBlank @Size(max = 500) @Printable String title,
            @NotBlank @Size(max = 200_000) @Printable(lines = true) String answer) {
    }

    @GetMapping
    List<KnowledgeGap> open() {
        return gaps.open();
    }

    @PostMapping("/{id}/answer")
    ResponseEntity<KnowledgeDocument> answer(@PathVariable String id, @Valid @RequestBody Answer answer) {
        return ResponseEntity.status(HttpStatus.CREATED).body(gaps.answer(id, answer.title(), answer.answer()));
    }
}
