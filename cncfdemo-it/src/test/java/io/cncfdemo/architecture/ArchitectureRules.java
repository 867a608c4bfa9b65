package io.cncfdemo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The rules of the library's architecture, for the modules under one root package (see {@link
 * Modules}): the API boundary between modules, the direction of the dependencies between them, and
 * no cycle between packages.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** Every class lies in a package of a module, so that the other rules know where it belongs. */
  static ArchRule everyClassBelongsToAModule(Modules modules) {
    return classes()
        .that(areUnder(modules))
        .should(
            new ArchCondition<>("belong to a module of " + modules.root()) {
              @Override
              public void check(JavaClass javaClass, ConditionEvents events) {
                if (modules.moduleOf(javaClass.getPackageName()).isEmpty()) {
                  events.add(
                      SimpleConditionEvent.violated(
                          javaClass,
                          javaClass.getName()
                              + " lies in no module's package: add its package to Modules"));
                }
              }
            });
  }

  /**
   * A package named {@code ..internal..} is private to its module: no class of another module uses
   * its classes. {@code tolerated} lists dependencies allowed for now (each with the reason in its
   * description).
   */
  static ArchRule internalsStayInTheirModule(Modules modules) {
    return internalsStayInTheirModule(modules, DescribedPredicate.alwaysFalse());
  }

  static ArchRule internalsStayInTheirModule(
      Modules modules, DescribedPredicate<? super Dependency> tolerated) {
    return classes()
        .that(areUnder(modules))
        .should(
            new ArchCondition<>("use no internal class of another module") {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                var user = module(modules, origin);
                dependenciesWithin(modules, origin)
                    .filter(dependency -> !tolerated.test(dependency))
                    .forEach(
                        dependency -> {
                          var target = target(dependency);
                          var owner = module(modules, target);
                          if (Modules.isInternal(target.getPackageName()) && !owner.equals(user)) {
                            events.add(
                                SimpleConditionEvent.violated(
                                    dependency,
                                    origin.getName()
                                        + " (module "
                                        + user
                                        + ") uses "
                                        + target.getName()
                                        + ", internal to module "
                                        + owner
                                        + ": "
                                        + dependency.getDescription()));
                          }
                        });
              }
            });
  }

  /**
   * Modules depend only downwards: core on no other module, apps and each provider on core only,
   * the CLI and the examples on the libraries but not on each other (see {@link Modules#mayUse}).
   */
  static ArchRule modulesUseOnlyTheModulesBelowThem(Modules modules) {
    return classes()
        .that(areUnder(modules))
        .should(
            new ArchCondition<>("use only the modules below their own") {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                var user = module(modules, origin);
                dependenciesWithin(modules, origin)
                    .forEach(
                        dependency -> {
                          var used = module(modules, target(dependency));
                          if (!modules.mayUse(user, used)) {
                            events.add(
                                SimpleConditionEvent.violated(
                                    dependency,
                                    origin.getName()
                                        + " (module "
                                        + user
                                        + ") uses "
                                        + target(dependency).getName()
                                        + " of module "
                                        + used
                                        + ", but "
                                        + user
                                        + " may use only "
                                        + modules.usableBy(user)
                                        + ": "
                                        + dependency.getDescription()));
                          }
                        });
              }
            });
  }

  /** No cycle between any two packages under the root, the root package included. */
  static SliceRule packagesAreFreeOfCycles(Modules modules) {
    return slices()
        .assignedFrom(
            new SliceAssignment() {
              @Override
              public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return modules.covers(javaClass.getPackageName())
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
              }

              @Override
              public String getDescription() {
                return "the packages of " + modules.root();
              }
            })
        .should()
        .beFreeOfCycles();
  }

  /**
   * The public API shows no internal type: the public and protected constructors, methods and
   * fields of public classes outside {@code ..internal..} packages, and their supertypes, use no
   * class of an internal package in their types (type arguments included).
   */
  static ArchRule publicApiExposesNoInternalType(Modules modules) {
    return classes()
        .that(areUnder(modules))
        .and(arePublicApi())
        .should(
            new ArchCondition<>("expose no internal type") {
              @Override
              public void check(JavaClass api, ConditionEvents events) {
                var supertypes =
                    Stream.concat(api.getSuperclass().stream(), api.getInterfaces().stream())
                        .toList();
                report(events, api, api.getName() + " extends or implements", supertypes);
                for (JavaMember member : api.getMembers()) {
                  if (member.getModifiers().contains(JavaModifier.PUBLIC)
                      || member.getModifiers().contains(JavaModifier.PROTECTED)) {
                    report(events, api, member.getFullName(), signature(member));
                  }
                }
              }

              private void report(
                  ConditionEvents events, JavaClass api, String where, List<JavaType> types) {
                var internal = new TreeSet<String>();
                types.stream()
                    .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                    .map(JavaClass::getBaseComponentType)
                    .filter(
                        type ->
                            modules.covers(type.getPackageName())
                                && Modules.isInternal(type.getPackageName()))
                    .forEach(type -> internal.add(type.getName()));
                if (!internal.isEmpty()) {
                  events.add(
                      SimpleConditionEvent.violated(
                          api, where + " exposes the internal " + internal));
                }
              }
            });
  }

  private static List<JavaType> signature(JavaMember member) {
    var types = new ArrayList<JavaType>();
    if (member instanceof JavaField field) {
      types.add(field.getType());
    } else if (member instanceof JavaCodeUnit codeUnit) {
      types.add(codeUnit.getReturnType());
      types.addAll(codeUnit.getParameterTypes());
      types.addAll(codeUnit.getExceptionTypes());
    }
    return types;
  }

  /** The dependencies of {@code origin} on classes under the root. */
  private static Stream<Dependency> dependenciesWithin(Modules modules, JavaClass origin) {
    return origin.getDirectDependenciesFromSelf().stream()
        .filter(dependency -> modules.covers(target(dependency).getPackageName()));
  }

  /** The class a dependency points to; for an array, its element type. */
  private static JavaClass target(Dependency dependency) {
    return dependency.getTargetClass().getBaseComponentType();
  }

  private static String module(Modules modules, JavaClass javaClass) {
    return modules.moduleOf(javaClass.getPackageName()).orElse("(none)");
  }

  private static DescribedPredicate<JavaClass> areUnder(Modules modules) {
    return DescribedPredicate.describe(
        "are in " + modules.root(), javaClass -> modules.covers(javaClass.getPackageName()));
  }

  /** Public classes, nested in public classes if nested, outside internal packages. */
  private static DescribedPredicate<JavaClass> arePublicApi() {
    return DescribedPredicate.describe("are public API", ArchitectureRules::isPublicApi);
  }

  private static boolean isPublicApi(JavaClass javaClass) {
    if (Modules.isInternal(javaClass.getPackageName())
        || !javaClass.getModifiers().contains(JavaModifier.PUBLIC)) {
      return false;
    }
    return javaClass.getEnclosingClass().map(ArchitectureRules::isPublicApi).orElse(true);
  }
}
