package dev.supportassistant;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module (its {@code package-info} says what for): no cycles between
 * them, and none reaches into another's sub-packages or package-private types.
 */
class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersPublicTypesWithoutCycles() {
        ApplicationModules.of(SupportAssistantApplication.class).verify();
    }
}
