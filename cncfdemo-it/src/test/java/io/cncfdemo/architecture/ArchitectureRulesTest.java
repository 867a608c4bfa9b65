package io.cncfdemo.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules have teeth: over the fixtures in {@code io.cncfdemo.architecture.fixture}, which break
 * each rule once on purpose, every rule reports exactly the classes that break it, and nothing that
 * keeps it.
 */
class ArchitectureRulesTest {
  private static final String FIXTURE = "io.cncfdemo.architecture.fixture";
  private static final Modules MODULES = new Modules(FIXTURE);
  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter().importPackages(FIXTURE);
  }

  private static List<String> violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtures);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return result.getFailureReport().getDetails();
  }

  @Test
  void aClassOutsideEveryModule_isReported() {
    assertThat(violations(ArchitectureRules.everyClassBelongsToAModule(MODULES)))
        .containsExactly(
            FIXTURE + ".orphan.Stray lies in no module's package: add its package to Modules");
  }

  @Test
  void anAppUsingCoreInternals_isReported_byCallAndByAnnotation_butAModuleUsingItsOwnIsNot() {
    var violations =
        violations(
            ArchitectureRules.internalsStayInTheirModule(
                MODULES, DescribedPredicate.alwaysFalse()));

    assertThat(violations)
        .isNotEmpty()
        .allSatisfy(violation -> assertThat(violation).startsWith(FIXTURE + ".apps."));
    assertThat(violations)
        .anySatisfy(
            violation ->
                assertThat(violation)
                    .startsWith(
                        FIXTURE
                            + ".apps.BadApp (module apps) uses "
                            + FIXTURE
                            + ".internal.Secret, internal to module core: Method <"));
    assertThat(violations)
        .anySatisfy(
            violation ->
                assertThat(violation)
                    .startsWith(
                        FIXTURE
                            + ".apps.StyledApp (module apps) uses "
                            + FIXTURE
                            + ".internal.Style, internal to module core: Class <"));
  }

  @Test
  void aToleratedDependency_isLeftOut_andOnlyThatOne() {
    var violations =
        violations(
            ArchitectureRules.internalsStayInTheirModule(
                MODULES,
                DescribedPredicate.describe(
                    "the fixture's style",
                    dependency -> dependency.getTargetClass().getSimpleName().equals("Style"))));

    assertThat(violations)
        .isNotEmpty()
        .noneSatisfy(violation -> assertThat(violation).contains("StyledApp"))
        .allSatisfy(
            violation ->
                assertThat(violation).startsWith(FIXTURE + ".apps.BadApp (module apps) uses "));
  }

  @Test
  void coreUsingAnApp_anAppUsingAProvider_andAProviderUsingAnother_areReported() {
    var violations = violations(ArchitectureRules.modulesUseOnlyTheModulesBelowThem(MODULES));

    assertThat(violations)
        .anySatisfy(
            violation ->
                assertThat(violation)
                    .startsWith(
                        FIXTURE
                            + ".demo.NeedsApp (module core) uses "
                            + FIXTURE
                            + ".apps.BadApp of module apps, but core may use only []"));
    assertThat(violations)
        .anySatisfy(
            violation ->
                assertThat(violation)
                    .startsWith(
                        FIXTURE
                            + ".apps.BadApp (module apps) uses "
                            + FIXTURE
                            + ".local.LocalProvider of module provider-local, but apps may use"
                            + " only [core]"));
    assertThat(violations)
        .anySatisfy(
            violation ->
                assertThat(violation)
                    .startsWith(
                        FIXTURE
                            + ".local.LocalProvider (module provider-local) uses "
                            + FIXTURE
                            + ".aws.AwsProvider of module provider-aws"));
    assertThat(violations)
        .noneSatisfy(violation -> assertThat(violation).startsWith(FIXTURE + ".aws."));
  }

  @Test
  void twoPackagesUsingEachOther_areReportedAsACycle() {
    var violations = violations(ArchitectureRules.packagesAreFreeOfCycles(MODULES));

    assertThat(violations)
        .singleElement()
        .satisfies(
            cycle ->
                assertThat(cycle)
                    .contains("Slice " + FIXTURE + ".component", "Slice " + FIXTURE + ".deploy")
                    .contains(
                        "Method <" + FIXTURE + ".component.Ring.chain()>",
                        "Method <" + FIXTURE + ".deploy.Chain.ring()>"));
  }

  @Test
  void anIgnoredDependency_breaksTheCycle() {
    var rule =
        ArchitectureRules.packagesAreFreeOfCycles(MODULES)
            .ignoreDependency(
                resideInAPackage(FIXTURE + ".deploy"), resideInAPackage(FIXTURE + ".component"));

    assertThat(rule.evaluate(fixtures).hasViolation()).isFalse();
  }

  @Test
  void publicApiShowingAnInternalType_isReported_evenAsATypeArgument() {
    assertThat(violations(ArchitectureRules.publicApiExposesNoInternalType(MODULES)))
        .containsExactly(
            FIXTURE
                + ".cluster.LeakyApi.secrets() exposes the internal ["
                + FIXTURE
                + ".internal.Secret]");
  }
}
