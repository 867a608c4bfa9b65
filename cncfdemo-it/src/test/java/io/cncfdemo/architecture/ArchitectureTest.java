package io.cncfdemo.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the real classes of every module (main code, no tests), as {@link
 * ArchitectureRules} states it. A wrong arrow fails the build here, with the classes and the line
 * that drew it.
 */
class ArchitectureTest {
  private static final Modules MODULES = new Modules("io.cncfdemo");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(MODULES.root());
  }

  @Test
  void everyClassIsInAModule_andEveryModuleIsOnTheClassPath() {
    // the rules below would pass vacuously for a module whose classes are missing
    ArchitectureRules.everyClassBelongsToAModule(MODULES).check(classes);
    assertThat(classes.stream().map(c -> MODULES.moduleOf(c.getPackageName()).orElse("")))
        .contains(
            Modules.CORE,
            Modules.APPS,
            Modules.LOCAL,
            Modules.AWS,
            Modules.AZURE,
            Modules.BAREMETAL,
            Modules.GCP,
            Modules.NODE_BOOTSTRAP,
            Modules.JUNIT,
            Modules.CLI,
            Modules.EXAMPLES);
  }

  @Test
  void internalPackagesAreUsedOnlyInTheirModule() {
    ArchitectureRules.internalsStayInTheirModule(MODULES).check(classes);
  }

  @Test
  void modulesDependOnlyDownwards() {
    ArchitectureRules.modulesUseOnlyTheModulesBelowThem(MODULES).check(classes);
  }

  @Test
  void publicApiShowsNoInternalType() {
    ArchitectureRules.publicApiExposesNoInternalType(MODULES).check(classes);
  }

  @Test
  void packagesHaveNoCycle() {
    ArchitectureRules.packagesAreFreeOfCycles(MODULES)
        // KNOWN, to break after the "values" helper's rewrite of io.cncfdemo.benchmark: its public
        // factories
        // (LoadSources, ResultStore, Chaos, Comparison, BenchmarkReport.saveHtml, BenchmarkRun)
        // create the classes of
        // internal.benchmark.*, which return the public result records; breaking it takes splitting
        // the package's 31
        // types into the DSL, the SPI and the results, so that the implementations depend on the
        // latter two only.
        .ignoreDependency(
            resideInAPackage("io.cncfdemo.benchmark"),
            resideInAPackage("io.cncfdemo.internal.benchmark.."))
        .check(classes);
  }
}
