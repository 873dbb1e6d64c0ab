package dev.supportassistant.desk;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.conversation.ConversationRefusal;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.StaffNote;
import dev.supportassistant.conversation.StaffNotes;
import dev.supportassistant.copilot.Draft;
import dev.supportassistant.copilot.DraftWriter;
import dev.supportassistant.feedback.ConversationRating;
import dev.supportassistant.feedback.ConversationRatings;
import dev.supportassistant.handoff.SummaryOnDemand;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.platform.web.Printable;

/**
 * The desk's tools around a reply, in its API: internal notes, the AI's draft of a reply, a fresh
 * handoff summary, the customer's ratings, and the saved replies (listed for staff; written by
 * operators only, which the security module's access rules enforce for POST, PUT and DELETE).
 * Staff only, as the rest of {@code /api/v1/desk}.
 */
@RestController
@RequestMapping("/api/v1/desk")
class DeskToolsController {

    private final StaffNotes notes;
    private final DraftWriter drafts;
    private final SummaryOnDemand summaries;
    private final SavedReplies savedReplies;
    private final ConversationRatings ratings;
    private final Conversations conversations;

    DeskToolsController(StaffNotes notes, DraftWriter drafts, SummaryOnDemand summaries, SavedReplies savedReplies,
            ConversationRatings ratings, Conversations conversations) {
        this.notes = notes;
        this.drafts = drafts;
        this.summaries = summaries;
        this.savedReplies = savedReplies;
        this.ratings = ratings;
        this.conversations = conversations;
    }

    /** An internal note: staff only, never shown to the customer nor sent to an AI in their turns. */
    record NoteRequest(@NotBlank @Size(max = StaffNotes.MAX_CHARS) @Printable(lines = true) String text) {
    }

    /** An internal note as the API shows it: its {@code text}, as it was sent (and as saved replies and drafts say). */
    record NoteView(String id, String conversationId, String author, String text, Instant createdAt) {

        static NoteView of(StaffNote note) {
            return new NoteView(note.id(), note.conversationId(), note.author(), note.content(), note.createdAt());
        }
    }

    /** A saved reply's title and text; the text may hold {@code {customer}} and {@code {agent}}. */
    record SavedReplyRequest(@NotBlank @Size(max = SavedReplies.MAX_TITLE) @Printable String title,
            @NotBlank @Size(max = SavedReplies.MAX_CONTENT) @Printable(lines = true) String text) {
    }

    /** A saved reply as the API shows it. */
    record SavedReplyView(String id, String title, String text, java.time.Instant updatedAt) {

        static SavedReplyView of(SavedReply reply) {
            return new SavedReplyView(reply.id(), reply.title(), reply.content(), reply.updatedAt());
        }
    }

    /** The handoff summary, written again. */
    record Summary(String conversationId, String summary) {
    }

    @GetMapping("/conversations/{conversationId}/notes")
    List<NoteView> notes(@PathVariable String conversationId) {
        conversations.find(conversationId).orElseThrow(ConversationRefusal::notFound);
        return notes.of(conversationId).stream().map(NoteView::of).toList();
    }

    @PostMapping("/conversations/{conversationId}/notes")
    ResponseEntity<NoteView> addNote(@PathVariable String conversationId, @Valid @RequestBody NoteRequest note,
            Caller caller) {
        return ResponseEntity.status(201).body(NoteView.of(notes.add(conversationId, name(caller), note.text())));
    }

    /** A reply the AI drafts for the caller to edit and send; nothing is stored or sent. */
    @PostMapping("/conversations/{conversationId}/draft")
    Draft draft(@PathVariable String conversationId, Caller caller) {
        return drafts.draft(conversationId, name(caller));
    }

    @PostMapping("/conversations/{conversationId}/summary")
    Summary summarize(@PathVariable String conversationId) {
        return new Summary(conversationId, summaries.refresh(conversationId));
    }

    @GetMapping("/conversations/{conversationId}/ratings")
    List<ConversationRating> ratings(@PathVariable String conversationId) {
        conversations.find(conversationId).orElseThrow(ConversationRefusal::notFound);
        return ratings.of(conversationId);
    }

    @GetMapping("/saved-replies")
    List<SavedReplyView> savedReplies() {
        return savedReplies.list().stream().map(SavedReplyView::of).toList();
    }

    @PostMapping("/saved-replies")
    ResponseEntity<SavedReplyView> createSavedReply(@Valid @RequestBody SavedReplyRequest reply) {
        return ResponseEntity.status(201).body(SavedReplyView.of(savedReplies.create(reply.title(), reply.text())));
    }

    @PutMapping("/saved-replies/{id}")
    SavedReplyView updateSavedReply(@PathVariable String id, @Valid @RequestBody SavedReplyRequest reply) {
        return SavedReplyView.of(savedReplies.update(id, reply.title(), reply.text()));
    }

    @DeleteMapping("/saved-replies/{id}")
    ResponseEntity<Void> deleteSavedReply(@PathVariable String id) {
        savedReplies.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Without credentials (DEBUG=true and nothing configured) the desk acts as the operator. */
    private static String name(Caller caller) {
        return caller.staffName() != null ? caller.staffName() : Caller.ADMIN_NAME;
    }
}
