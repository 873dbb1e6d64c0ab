package dev.supportassistant.desk.console;

import java.io.IOException;
import java.io.UncheckedIOException;

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
 * The knowledge documents the assistant answers from: the list, uploading a PDF, Word, HTML,
 * Markdown or text file (as {@code POST /api/v1/docs} adds one, with the same refusals), and
 * deleting one.
 */
@Controller
class KnowledgeConsole {

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
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("problem", "Choose a PDF, Word (.docx), HTML, Markdown or text file to upload.");
            return "redirect:" + PAGE;
        }
        return ConsoleSteps.run(flash, PAGE, () -> {
            library.checkFileSize(file.getOriginalFilename(), file.getSize());
            var added = library.addFile(file.getOriginalFilename(), bytes(file), title);
            return "Added '" + added.title() + "' (" + added.chunks() + " passages).";
        });
    }

    @PostMapping(PAGE + "/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes flash) {
        boolean deleted = library.delete(id);
        flash.addFlashAttribute(deleted ? "notice" : "problem",
                deleted ? "Deleted the document." : "No such document; it may have been deleted already.");
        return "redirect:" + PAGE;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
