package dev.supportassistant;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module (chat, agent, confusion, knowledge, screenshare, handoff,
 * events, platform, system): no cycles between them, and none reaches into another's sub-packages or
 * package-private types.
 */
class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersPublicTypesWithoutCycles() {
        ApplicationModules.of(SupportAssistantApplication.class).verify();
    }
}
