package io.cncfdemo;

import static io.cncfdemo.TestComponents.database;
import static io.cncfdemo.TestComponents.webApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.DemoWiringException;
import io.cncfdemo.demo.PodSecurityLevel;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  @Test
  void compile_groupsObjectsByStage_inApplyOrder() {
    var compiled = Demo.with(webApp(), database()).without("extras").compile();

    assertThat(compiled.stages())
        .extracting("stage")
        .containsExactly(
            Stage.FOUNDATION, Stage.DATASTORE, Stage.INITIALIZATION, Stage.APPLICATION);
    assertThat(compiled.stage(Stage.FOUNDATION))
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "Namespace", "PriorityClass", "PriorityClass", "NetworkPolicy", "NetworkPolicy");
    assertThat(compiled.stage(Stage.APPLICATION))
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("web-config", "web");
    assertThat(compiled.stage(Stage.MONITORING)).isEmpty();
    assertThat(compiled.objects()).hasSize(5 + 2 + 1 + 2);
  }

  @Test
  void foundation_deniesAllTrafficOfTheNamespace_butDns() {
    var compiled = Demo.with(database()).named("shop").compile();

    var deny = compiled.find(NetworkPolicy.class, "default-deny").orElseThrow();
    assertThat(deny.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isEmpty();
    assertThat(deny.getSpec().getEgress()).isEmpty();
    var dns = compiled.find(NetworkPolicy.class, "allow-dns").orElseThrow().getSpec();
    assertThat(dns.getPolicyTypes()).containsExactly("Egress");
    assertThat(dns.getEgress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getTo())
                  .singleElement()
                  .satisfies(
                      peer -> {
                        assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .containsEntry("kubernetes.io/metadata.name", "kube-system");
                        assertThat(peer.getPodSelector().getMatchLabels())
                            .containsEntry("k8s-app", "kube-dns");
                      });
              assertThat(rule.getPorts())
                  .extracting(port -> port.getProtocol() + "/" + port.getPort().getIntVal())
                  .containsExactly("UDP/53", "TCP/53");
            });
  }

  @Test
  void foundation_isANamespaceUnderPodSecurity_andTwoPriorityClasses() {
    var compiled =
        Demo.with(database()).named("shop").podSecurity(PodSecurityLevel.BASELINE).compile();

    var namespace = compiled.find(Namespace.class, "shop").orElseThrow();
    assertThat(namespace.getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "baseline")
        .containsEntry("pod-security.kubernetes.io/warn", "restricted")
        .containsEntry("cncfdemo.io/demo", "shop");
    var foreground = compiled.find(PriorityClass.class, "shop-foreground").orElseThrow();
    var background = compiled.find(PriorityClass.class, "shop-background").orElseThrow();
    assertThat(foreground.getValue()).isGreaterThan(0);
    assertThat(background.getValue()).isLessThan(0);
    assertThat(background.getPreemptionPolicy()).isEqualTo("Never");
  }

  @Test
  void compile_putsNamespacedObjectsInTheDemoNamespace_andLabelsEveryObject() {
    var compiled = Demo.with(webApp(), database()).named("shop").inNamespace("store").compile();

    assertThat(compiled.namespace()).isEqualTo("store");
    assertThat(compiled.objects())
        .allSatisfy(
            object -> {
              assertThat(object.getMetadata().getLabels())
                  .containsEntry("app.kubernetes.io/managed-by", "cncfdemo")
                  .containsEntry("cncfdemo.io/demo", "shop");
            });
    assertThat(compiled.objects())
        .filteredOn(o -> !(o instanceof Namespace) && !(o instanceof PriorityClass))
        .extracting(o -> o.getMetadata().getNamespace())
        .containsOnly("store");
    assertThat(
            compiled
                .find(PriorityClass.class, "shop-foreground")
                .orElseThrow()
                .getMetadata()
                .getNamespace())
        .isNull();
  }

  @Test
  void requirements_areWiredToTheirProvider() {
    var compiled = Demo.with(webApp(), database("postgres")).inNamespace("shop").compile(2);

    assertThat(compiled.find(ConfigMap.class, "web-config").orElseThrow().getData())
        .containsEntry("database", "db://postgres.shop.svc:5432");
    var web = compiled.find(Deployment.class, "web").orElseThrow();
    assertThat(web.getSpec().getReplicas()).isEqualTo(2);
    assertThat(web.getSpec().getTemplate().getSpec().getPriorityClassName())
        .isEqualTo("cncfdemo-foreground");
    assertThat(web.getMetadata().getLabels())
        .containsAllEntriesOf(
            Map.of(
                "app.kubernetes.io/name",
                "web",
                "app.kubernetes.io/instance",
                "cncfdemo",
                "app.kubernetes.io/component",
                "api",
                "app.kubernetes.io/part-of",
                "cncfdemo"));
  }

  @Test
  void missingRequirement_failsEarly_sayingWhatToAdd() {
    assertThatThrownBy(() -> Demo.with(webApp()))
        .isInstanceOf(DemoWiringException.class)
        .hasMessage("web() needs a database: add database() or externalDatabase(uri)");
  }

  @Test
  void ambiguousRequirement_failsEarly_namingTheProviders() {
    assertThatThrownBy(() -> Demo.with(webApp(), database("pg1"), database("pg2")))
        .isInstanceOf(DemoWiringException.class)
        .hasMessage(
            "web() needs one database, but 2 components provide one: pg1(), pg2(); keep one of"
                + " them");
  }

  @Test
  void sameComponentTwice_fails() {
    assertThatThrownBy(() -> Demo.with(database(), webApp(), database()))
        .isInstanceOf(DemoWiringException.class)
        .hasMessage(
            "a demo holds each component once, but database() and database() are both named"
                + " \"database\"; keep one of them");
    assertThatThrownBy(() -> Demo.with(database()).and(database()))
        .isInstanceOf(DemoWiringException.class);
  }

  @Test
  void requireWithoutDeclaring_failsNamingTheComponent() {
    Component sneaky =
        new Component() {
          @Override
          public String name() {
            return "sneaky";
          }

          @Override
          public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
            context.require(TestComponents.DATABASE);
            return Map.of();
          }
        };
    assertThatThrownBy(() -> Demo.with(database(), sneaky).compile())
        .isInstanceOf(DemoWiringException.class)
        .hasMessage(
            "sneaky() asked for a database without declaring it in requires(); declare it so that"
                + " Demo.with(...) can check it early");
  }

  @Test
  void twoObjectsOfTheSameKindAndName_fail() {
    Component clash =
        new Component() {
          @Override
          public String name() {
            return "clash";
          }

          @Override
          public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
            return Map.of(
                Stage.APPLICATION,
                List.of(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("web-config")
                        .endMetadata()
                        .build()));
          }
        };
    assertThatThrownBy(() -> Demo.with(webApp(), database(), clash).compile())
        .hasMessage(
            "two objects are both ConfigMap web-config: one from web(), one from clash(); rename"
                + " one of the components' objects");
  }

  @Test
  void badSettings_areRejected() {
    assertThatThrownBy(() -> Demo.with())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "components must be at least one component, e.g. Demo.with(countly(), mongoSharded(3)),"
                + " was \"none\"");
    assertThatThrownBy(() -> Demo.with(database(), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("components must be components that are not null, was ");
    assertThatThrownBy(() -> Demo.with(database()).named("My Demo"))
        .hasMessageStartingWith("name must be a lowercase RFC 1123 label")
        .hasMessageEndingWith("was \"My Demo\"");
    assertThatThrownBy(() -> Demo.with(database()).inNamespace("kube_system"))
        .hasMessageStartingWith("namespace must be a lowercase RFC 1123 label")
        .hasMessageEndingWith("was \"kube_system\"");
    assertThatThrownBy(() -> Demo.with(database()).domain("Example.COM"))
        .hasMessage(
            "domain must be a lowercase RFC 1123 subdomain: at most 253 characters of a-z, 0-9, '-'"
                + " and '.', each part starting and ending with a letter or digit, was"
                + " \"Example.COM\"");
    assertThatThrownBy(() -> Demo.with(database()).podSecurity(null))
        .hasMessage("podSecurity must be one of [PRIVILEGED, BASELINE, RESTRICTED], was null");
    assertThatThrownBy(() -> Demo.with(database()).compile(0))
        .hasMessage("minions must be between 1 and 1000, was 0");
  }

  @Test
  void secrets_areRandomPerDemo_butStableWithinOne() {
    var demo = Demo.with(database());
    String first = keyfile(demo);

    assertThat(keyfile(demo)).isEqualTo(first);
    assertThat(keyfile(demo.named("renamed"))).isNotEqualTo(first);
    assertThat(keyfile(Demo.with(database()))).isNotEqualTo(first);
    assertThat(first).hasSizeGreaterThanOrEqualTo(44);
  }

  @Test
  void derivedDemos_neverShareGeneratedSecrets() {
    var demo = Demo.with(database());
    var a = demo.named("a");
    var b = demo.named("b");

    assertThat(keyfile(a)).isNotEqualTo(keyfile(b)).isNotEqualTo(keyfile(demo));
    assertThat(keyfile(a)).as("the same demo value, compiled again").isEqualTo(keyfile(a));
    assertThat(keyfile(demo.inNamespace("shop"))).isNotEqualTo(keyfile(demo.inNamespace("store")));
  }

  @Test
  void demos_areValues_equalWhenEverySettingIs() {
    var demo = Demo.with(database()).named("shop");

    assertThat(demo)
        .isEqualTo(Demo.with(database()).named("shop"))
        .hasSameHashCodeAs(Demo.with(database()).named("shop"));
    assertThat(demo).isNotEqualTo(demo.named("store")).isNotEqualTo(demo.domain("example.com"));
    assertThat(demo.named("shop")).as("an unchanged setting gives the same value").isSameAs(demo);
  }

  @Test
  void toYaml_isAMultiDocumentStreamThatReadsBackToTheSameObjects() {
    var compiled = Demo.with(webApp(), database()).compile();
    var yaml = compiled.toYaml();

    assertThat(yaml).startsWith("---\n").doesNotContain("---\n---");
    List<HasMetadata> parsed = Yaml.serialization().unmarshal(yaml);
    assertThat(parsed).hasSameSizeAs(compiled.objects());
    assertThat(parsed)
        .extracting(HasMetadata::getKind)
        .containsExactlyElementsOf(compiled.objects().stream().map(HasMetadata::getKind).toList());
    assertThat(Demo.with(webApp(), database()).toYaml()).contains("kind: Deployment");
  }

  @Test
  void writeTo_writesOneFilePerStage_inApplyOrder(@TempDir Path dir) throws Exception {
    var files = Demo.with(webApp(), database()).writeTo(dir.resolve("out"));

    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .containsExactly(
            "01-foundation.yaml",
            "02-monitoring.yaml",
            "03-datastore.yaml",
            "04-initialization.yaml",
            "05-application.yaml");
    assertThat(Files.readString(files.get(3)))
        .contains("kind: Job")
        .doesNotContain("kind: Deployment");
  }

  @Test
  void toString_readsLikeTheDsl() {
    assertThat(Demo.with(webApp(), database()).named("shop"))
        .hasToString("Demo.with(web(), database()).named(\"shop\")");
    assertThat(Demo.with(database()).without("extras"))
        .hasToString("Demo.with(database()).without(\"extras\")");
    assertThat(
            Demo.with(database())
                .inNamespace("store")
                .domain("example.com")
                .podSecurity(PodSecurityLevel.BASELINE))
        .hasToString(
            "Demo.with(database()).inNamespace(\"store\").domain(\"example.com\").podSecurity(BASELINE)");
  }

  @Test
  void defaults_areAdded_unlessRemovedOrReplaced() {
    assertThat(Demo.defaultGroups()).containsExactly("extras", "opt-in");
    assertThat(Demo.with(database()).effectiveComponents())
        .extracting(Component::name)
        .containsExactly("database", "extra");
    assertThat(
            Demo.with(database()).compile().find(ConfigMap.class, "extra").orElseThrow().getData())
        .containsEntry("variant", "default");

    assertThat(Demo.with(database()).without("extras").compile().find(ConfigMap.class, "extra"))
        .isEmpty();

    var replaced = Demo.with(database(), new TestDefaults.Extra("mine"));
    assertThat(replaced.effectiveComponents())
        .extracting(Component::name)
        .containsExactly("database", "extra");
    assertThat(replaced.compile().find(ConfigMap.class, "extra").orElseThrow().getData())
        .containsEntry("variant", "mine");
  }

  @Test
  void anAddonGroup_isKnownToWithout_butJoinsNoDemoCompiledWithoutACluster() {
    assertThat(Demo.with(database()).effectiveComponents())
        .extracting(Component::name)
        .doesNotContain("opt-in");
    assertThat(Demo.with(database()).without("opt-in").effectiveComponents())
        .extracting(Component::name)
        .containsExactly("database", "extra");
    assertThat(
            Demo.with(database(), new OptInDefaults.OptIn())
                .compile()
                .find(ConfigMap.class, "opt-in"))
        .isPresent();
  }

  @Test
  void without_anUnknownGroup_isRejected() {
    assertThatThrownBy(() -> Demo.with(database()).without("logging"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("group must be one of [extras, opt-in], was \"logging\"");
    assertThatThrownBy(() -> Demo.with(database()).withoutMonitoring())
        .hasMessage("group must be one of [extras, opt-in], was \"monitoring\"");
  }

  private static String keyfile(Demo demo) {
    return demo.compile()
        .find(Secret.class, "database-keyfile")
        .orElseThrow()
        .getStringData()
        .get("keyfile");
  }
}
