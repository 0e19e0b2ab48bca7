package dev.iotjobs.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.model.Values;

/**
 * ARCHITECTURE.md's dependency rule for engine-api: what users, stores and adapters compile against depends on
 * nothing but the JDK, so none of ours outside {@code dev.iotjobs.api..} and {@code dev.iotjobs.spi..}.
 */
@AnalyzeClasses(packages = {"dev.iotjobs.api", "dev.iotjobs.spi"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule apiAndSpiDependOnlyOnThemselvesAndTheJdk = classes()
            .that().resideInAnyPackage("dev.iotjobs.api..", "dev.iotjobs.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.iotjobs.api..", "dev.iotjobs.spi..", "java..")
            .because("engine-api is what users and adapters compile against; it depends on nothing but the JDK");

    /**
     * One edge is known and kept, since both ends are public API shaped like the AWS SDK: the errors carry a
     * {@code JobExecutionState} (model), and the model's string setters reject an unknown enum name with
     * {@code InvalidRequestException} (error) through {@link Values#enumValue}. Only that call is exempt, so any
     * other model-to-error dependency, and every other cycle, fails here.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.iotjobs.(**)").should().beFreeOfCycles()
            .ignoreDependency(Values.class, InvalidRequestException.class);
}
