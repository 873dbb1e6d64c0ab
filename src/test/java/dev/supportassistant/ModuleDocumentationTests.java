package dev.supportassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module documentation: Spring Modulith's {@link Documenter} writes it from the code on every
 * build, so it cannot go stale (docs/architecture.md says where and how to read it), and the
 * hand-written module table of docs/architecture.md names every module the code has.
 */
class ModuleDocumentationTests {

    /** Where the generated documentation goes: the build folder, not the repository. */
    static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(SupportAssistantApplication.class);

    @Test
    void documenterWritesADiagramAndACanvasOfEveryModule() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeDocumentation();

        assertThat(OUTPUT.resolve("components.puml")).isRegularFile();
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            assertThat(OUTPUT.resolve("module-" + name + ".puml")).as(name).isRegularFile();
            assertThat(OUTPUT.resolve("module-" + name + ".adoc")).as(name).isRegularFile();
        }
    }

    @Test
    void theArchitectureDocumentNamesEveryModule() {
        String modulesTable = Documentation.section("docs/architecture.md", "Modules");

        for (ApplicationModule module : modules) {
            assertThat(modulesTable).as("docs/architecture.md, section Modules")
                    .contains("| `" + module.getIdentifier() + "` |");
        }
    }
}
