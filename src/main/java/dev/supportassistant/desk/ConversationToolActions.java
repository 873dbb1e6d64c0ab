package dev.supportassistant.desk;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.supportassistant.conversation.StaffNotes;
import dev.supportassistant.copilot.Draft;
import dev.supportassistant.copilot.DraftWriter;
import dev.supportassistant.handoff.SummaryOnDemand;

/**
 * The buttons of a conversation's tools: Add note, Draft reply (the AI's draft comes back in the
 * Reply box, with the help passages it used, and is sent only when the person presses Send), and
 * Summarize. Each comes back to the conversation saying what happened, or why not.
 */
@Controller
@RequestMapping("/desk/conversations/{conversationId}")
class ConversationToolActions {

    private static final String BACK = "redirect:/desk/conversations/{conversationId}";

    private final StaffNotes notes;
    private final DraftWriter drafts;
    private final SummaryOnDemand summaries;

    ConversationToolActions(StaffNotes notes, DraftWriter drafts, SummaryOnDemand summaries) {
        this.notes = notes;
        this.drafts = drafts;
        this.summaries = summaries;
    }

    @PostMapping("/notes")
    String addNote(@PathVariable String conversationId, @RequestParam(defaultValue = "") String text,
            Authentication authentication, RedirectAttributes flash) {
        try {
            notes.add(conversationId, authentication.getName(), text);
            flash.addFlashAttribute("notice", "Note added: only staff see it.");
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
            flash.addFlashAttribute("noteDraft", text);
        }
        return BACK + "#notes";
    }

    /** The AI's draft in the Reply box, after what the person had typed there ({@code content}), which is kept. */
    @PostMapping("/draft")
    String draft(@PathVariable String conversationId, @RequestParam(name = "content", defaultValue = "") String typed,
            Authentication authentication, RedirectAttributes flash) {
        try {
            Draft draft = drafts.draft(conversationId, authentication.getName());
            flash.addFlashAttribute("draft", typed.isBlank() ? draft.text() : typed.strip() + "\n\n" + draft.text());
            flash.addFlashAttribute("draftSources", draft.sources());
            flash.addFlashAttribute("notice", "The AI drafted a reply (" + draft.provider()
                    + (draft.fallback() ? ", standing in for the provider that failed" : "")
                    + "): check and edit it, then press Send. Nothing was sent.");
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
            flash.addFlashAttribute("inserted", typed);
        }
        return BACK;
    }

    @PostMapping("/summarize")
    String summarize(@PathVariable String conversationId, RedirectAttributes flash) {
        try {
            summaries.refresh(conversationId);
            flash.addFlashAttribute("notice", "The handoff summary was written again from the conversation.");
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return BACK;
    }
}
