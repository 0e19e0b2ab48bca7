package dev.iotjobs.store.memory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * ARCHITECTURE.md's layering for store-memory: a store implements engine-api's SPI and holds no rules, so it never
 * reaches engine-core (nor another store, nor an adapter); no package cycles.
 */
@AnalyzeClasses(packages = "dev.iotjobs.store.memory", importOptions = ImportOption.DoNotIncludeTests.class)
class MemoryStoreArchitectureTest {

    @ArchTest
    static final ArchRule neverReachesTheEngine = noClasses()
            .that().resideInAPackage("dev.iotjobs.store.memory..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.iotjobs.core..", "dev.iotjobs.store.jdbc..",
                    "dev.iotjobs.server..", "dev.iotjobs.mqtt..")
            .because("stores hold no rules; they see only engine-api (SPEC C1-C3 are the contract)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.iotjobs.(**)").should().beFreeOfCycles();
}
