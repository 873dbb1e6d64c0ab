package dev.supportassistant.chat;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.screenshare.ScreenShareSession;

/** The customer's chat: send a message, read a conversation back, start screen sharing in it. */
@RestController
@RequestMapping("/api/v1")
class ChatController {

    private final ChatService chatService;

    ChatController(ChatService chatService) {
        this.chatService = chatService;
    }

    @PostMapping("/chat")
    ChatResponse chat(@Valid @RequestBody ChatRequest request) {
        return chatService.chat(request);
    }

    @GetMapping("/conversation/{conversationId}")
    ConversationView conversation(@PathVariable String conversationId) {
        return chatService.conversation(conversationId);
    }

    /** The customer accepted screen sharing: tokens for them and a support agent, one call. */
    @PostMapping("/conversation/{conversationId}/screen-share")
    ScreenShareSession screenShare(@PathVariable String conversationId) {
        return chatService.startScreenShare(conversationId);
    }
}
