package dev.supportassistant;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module (chat, agent, confusion, embedding, knowledge, routing,
 * screenshare, screenshots, speech, handoff, events, system, and the cross-cutting security, web,
 * config and platform): no cycles between them, and none reaches into another's sub-packages or
 * package-private types.
 */
class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersPublicTypesWithoutCycles() {
        ApplicationModules.of(SupportAssistantApplication.class).verify();
    }
}
