package io.herald.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Data flows one way: writers notify the read model, readers depend on it, and no two packages import each other. */
@AnalyzeClasses(packages = "io.herald.api", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.herald.api.(*)..").should().beFreeOfCycles();

    /** The read model is notified through interfaces it owns; it never reaches into a writer or a reader. */
    @ArchTest
    static final ArchRule readModelImportsNoWriterNorReader = noClasses().that()
            .resideInAPackage("io.herald.api.read..")
            .should().dependOnClassesThat().resideInAnyPackage("io.herald.api.live..", "io.herald.api.overlay..",
                    "io.herald.api.incident..", "io.herald.api.maintenance..", "io.herald.api.override..",
                    "io.herald.api.history..", "io.herald.api.status..", "io.herald.api.stream..",
                    "io.herald.api.admin..", "io.herald.api.subscriber..", "io.herald.api.uptime..");
}
