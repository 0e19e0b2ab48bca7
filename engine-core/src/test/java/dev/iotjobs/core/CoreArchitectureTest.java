package dev.iotjobs.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * ARCHITECTURE.md's layering for engine-core: the pure rules ({@code dev.iotjobs.core.rules}) know nothing of the
 * imperative shell ({@code dev.iotjobs.core}) that loads, decides with them and commits; the engine knows stores
 * and adapters only through engine-api; no package cycles.
 */
@AnalyzeClasses(packages = "dev.iotjobs.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule rulesNeverReachTheShell = noClasses()
            .that().resideInAPackage("dev.iotjobs.core.rules..")
            .should().dependOnClassesThat().resideInAPackage("dev.iotjobs.core")
            .because("core.rules are pure decisions; the shell calls them, never the other way round");

    @ArchTest
    static final ArchRule rulesNeverReachStoresNorAdapters = noClasses()
            .that().resideInAPackage("dev.iotjobs.core.rules..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.iotjobs.store..", "dev.iotjobs.server..", "dev.iotjobs.mqtt..", "db..")
            .because("core.rules are pure decisions over engine-api values");

    @ArchTest
    static final ArchRule engineReachesStoresAndAdaptersOnlyThroughTheApi = noClasses()
            .that().resideInAPackage("dev.iotjobs.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.iotjobs.store..", "dev.iotjobs.server..", "dev.iotjobs.mqtt..", "db..")
            .because("the engine sees a store only as a JobRepository (engine-api's SPI)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.iotjobs.(**)").should().beFreeOfCycles();
}
