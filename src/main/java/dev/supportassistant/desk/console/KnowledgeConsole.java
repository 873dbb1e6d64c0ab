package dev.supportassistant.desk.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.supportassistant.desk.SignedIn;
import dev.supportassistant.knowledge.DocumentLibrary;

/**
 * The knowledge documents the assistant answers from: the list, uploading a Markdown or text file
 * (as {@code POST /api/v1/docs} adds one), and deleting one.
 */
@Controller
class KnowledgeConsole {

    static final int MAX_CHARS = 200_000;
    private static final String PAGE = "/desk/console/knowledge";

    private final DocumentLibrary library;

    KnowledgeConsole(DocumentLibrary library) {
        this.library = library;
    }

    @GetMapping(PAGE)
    String documents(Model model, Authentication authentication) {
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("documents", library.list());
        return "desk/console/knowledge";
    }

    @PostMapping(PAGE)
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String title, RedirectAttributes flash) {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("problem", "Choose a .md or .txt file to upload.");
        } else if (!lower.endsWith(".md") && !lower.endsWith(".txt") && !lower.endsWith(".markdown")) {
            flash.addFlashAttribute("problem", "Only Markdown (.md) and text (.txt) files can be added; '" + name
                    + "' is neither.");
        } else {
            String content = text(file);
            if (content == null || content.isBlank() || content.length() > MAX_CHARS) {
                flash.addFlashAttribute("problem", content == null ? "'" + name + "' is not UTF-8 text."
                        : content.isBlank() ? "'" + name + "' is empty."
                        : "'" + name + "' has more than " + MAX_CHARS + " characters; split it into several documents.");
            } else {
                String shown = title.isBlank() ? name.replaceFirst("\\.[^.]+$", "") : title.strip();
                var added = library.add(shown, content);
                flash.addFlashAttribute("notice", "Added '" + added.title() + "' (" + added.chunks() + " passages).");
            }
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes flash) {
        boolean deleted = library.delete(id);
        flash.addFlashAttribute(deleted ? "notice" : "problem",
                deleted ? "Deleted the document." : "No such document; it may have been deleted already.");
        return "redirect:" + PAGE;
    }

    /** The file's text; absent when it is not UTF-8 or cannot be read. */
    private static @Nullable String text(MultipartFile file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.getBytes())).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException notText) {
            return null;
        } catch (IOException unreadable) {
            return null;
        }
    }
}
