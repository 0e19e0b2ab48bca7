package dev.iotjobs.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.iotjobs.store.jdbc.JdbcJobRepository;
import dev.iotjobs.store.memory.InMemoryJobRepository;

/**
 * ARCHITECTURE.md's layering for the adapters (the server and the MQTT bridge it runs): they translate and hold no
 * rules, so they never reach {@code core.rules}; the server builds a store through its public entry point only
 * ({@link InMemoryJobRepository}, {@link JdbcJobRepository}) and uses it as engine-api's {@code JobRepository};
 * the MQTT bridge knows no store at all; no package cycles.
 */
@AnalyzeClasses(packages = {"dev.iotjobs.server", "dev.iotjobs.mqtt"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterArchitectureTest {

    @ArchTest
    static final ArchRule adaptersHoldNoRules = noClasses()
            .that().resideInAnyPackage("dev.iotjobs.server..", "dev.iotjobs.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("dev.iotjobs.core.rules..")
            .because("adapters translate; the decisions are the engine's");

    @ArchTest
    static final ArchRule serverReachesStoresOnlyThroughTheirEntryPoints = noClasses()
            .that().resideInAPackage("dev.iotjobs.server..")
            .should().dependOnClassesThat(resideInAPackage("dev.iotjobs.store..")
                    .and(not(belongToAnyOf(InMemoryJobRepository.class, JdbcJobRepository.class))))
            .because("a store's internals (rows, dialects, tables) are its own; the server only builds one");

    @ArchTest
    static final ArchRule mqttKnowsNoStore = noClasses()
            .that().resideInAPackage("dev.iotjobs.mqtt..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.iotjobs.store..", "db..")
            .because("the bridge talks to the engine's API, whatever store is behind it");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.iotjobs.(**)").should().beFreeOfCycles();
}
