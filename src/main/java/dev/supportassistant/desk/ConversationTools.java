package dev.supportassistant.desk;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.StaffNotes;
import dev.supportassistant.feedback.ConversationRatings;

/**
 * What a conversation's page shows around the Reply box, beside what {@link ConversationPage}
 * shows of the conversation itself: the internal notes, the saved replies ready to insert (their
 * placeholders filled in for this customer and this person), and the customer's ratings. Kept apart
 * from the page's own controller so that the history and the tools change independently.
 */
@ControllerAdvice(assignableTypes = ConversationPage.class)
class ConversationTools {

    /** A saved reply as the page offers it: its text with the placeholders filled in. */
    record Insertable(String id, String title, String text) {
    }

    private final StaffNotes notes;
    private final SavedReplies savedReplies;
    private final ConversationRatings ratings;
    private final Conversations conversations;

    ConversationTools(StaffNotes notes, SavedReplies savedReplies, ConversationRatings ratings,
            Conversations conversations) {
        this.notes = notes;
        this.savedReplies = savedReplies;
        this.ratings = ratings;
        this.conversations = conversations;
    }

    /**
     * @param saved the saved reply chosen with the page's "Saved reply" control without a script: the
     *     page comes back with it in the Reply box
     */
    @ModelAttribute
    void tools(@PathVariable String conversationId, @RequestParam(name = "saved", required = false) @Nullable String saved,
            Model model, Authentication authentication) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return;
        }
        String customer = customerName(conversation);
        String agent = authentication.getName();
        List<Insertable> insertable = savedReplies.list().stream()
                .map(reply -> new Insertable(reply.id(), reply.title(), reply.filledIn(customer, agent))).toList();
        model.addAttribute("notes", notes.of(conversationId));
        model.addAttribute("savedReplies", insertable);
        model.addAttribute("ratings", ratings.of(conversationId));
        if (saved != null) {
            insertable.stream().filter(reply -> reply.id().equals(saved)).findFirst()
                    .ifPresent(reply -> model.addAttribute("inserted", reply.text()));
        }
    }

    /**
     * How a saved reply names the customer ({@code {customer}}): the user id the conversation was
     * started for, else "there" ("Hi {customer}" reads "Hi there").
     */
    static String customerName(Conversation conversation) {
        return conversation.userId() == null || conversation.userId().isBlank() ? "there" : conversation.userId();
    }
}
