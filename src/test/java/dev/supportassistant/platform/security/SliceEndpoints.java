package dev.supportassistant.platform.security;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-ins at the paths of an operator endpoint, a desk endpoint and a customer endpoint, for
 * {@link SecuritySliceTest}s: each answers who called it. A test component, so that the service's
 * own tests, which scan the whole package tree, leave it out.
 */
@TestComponent
@RestController
class SliceEndpoints {

    @PostMapping("/api/v1/agent/switch")
    Caller operatorEndpoint(Caller caller) {
        return caller;
    }

    @GetMapping("/api/v1/desk/conversations")
    Caller deskEndpoint(Caller caller) {
        return caller;
    }

    @PostMapping("/api/v1/chat")
    Caller customerEndpoint(Caller caller) {
        return caller;
    }
}
