package io.cncfdemo;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.cluster.InMemoryZone;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.PublicZone;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.internal.deploy.PublicNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The demo's Ingress hosts in a public zone: published by {@code deployTo} once the Ingress reports
 * the load balancer's address, removed by {@code teardown} down to the zone's own records, never a
 * record the demo does not own. The mock API server runs no ingress controller: each test writes
 * the address into the Ingress's status as ingress-nginx would.
 */
@EnableKubernetesMockClient(crud = true)
class PublicNamesTest {
  private static final String LB = "a1b2-123.us-west-2.elb.amazonaws.com";
  private static final DeployOptions OPTIONS =
      DeployOptions.defaults().withoutWaiting().stageTimeout(Duration.ofSeconds(2));
  static KubernetesClient client;

  @Test
  void deployTo_publishesACnameAndItsOwner_andTeardownLeavesOnlyTheZonesOwnRecords() {
    var zone = new InMemoryZone("example.org");
    var before = zone.records();
    var demo = Demo.with(site()).named("shop").domain("demo.example.org");
    var controller = address("shop", "shop", null, LB);

    demo.deployTo(cluster(zone), OPTIONS);
    controller.join();

    assertThat(zone.records())
        .contains(
            DnsRecord.of("shop.demo.example.org", DnsRecord.CNAME, 60, LB),
            DnsRecord.of(
                "_cncfdemo.shop.demo.example.org",
                DnsRecord.TXT,
                60,
                "heritage=cncfdemo,cluster=dns,demo=shop/shop"))
        .hasSize(before.size() + 2);

    demo.teardown(cluster(zone));

    assertThat(zone.records()).isEqualTo(before);
  }

  @Test
  void publish_again_changesNothing_andANewAddressReplacesTheRecord_evenOfAnotherType() {
    var zone = new InMemoryZone("example.org");
    var demo = Demo.with(site()).named("again").domain("example.org");
    var controller = address("again", "shop", null, LB);
    var deployed = demo.deployTo(cluster(zone), OPTIONS);
    controller.join();
    var first = zone.records();
    var names = PublicNames.of(cluster(zone), "again", deployed.compiled());

    names.publish(OPTIONS);
    assertThat(zone.records()).isEqualTo(first);

    client
        .network()
        .v1()
        .ingresses()
        .inNamespace("again")
        .withName("shop")
        .editStatus(
            found -> {
              found.getStatus().getLoadBalancer().getIngress().get(0).setHostname(null);
              found.getStatus().getLoadBalancer().getIngress().get(0).setIp("203.0.113.10");
              return found;
            });
    names.publish(OPTIONS);

    assertThat(zone.records())
        .contains(DnsRecord.of("shop.example.org", DnsRecord.A, 60, "203.0.113.10"))
        .noneMatch(record -> record.type().equals(DnsRecord.CNAME));
    deployed.teardown();
    assertThat(zone.records()).extracting(DnsRecord::type).containsExactly("NS", "SOA");
  }

  @Test
  void deployTo_aDomainOutsideTheZone_isRejected_beforeAnyObjectExists() {
    var zone = new InMemoryZone("example.org");
    var demo = Demo.with(site()).named("outside").domain("demo.example.com");

    assertThatThrownBy(() -> demo.deployTo(cluster(zone), OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "domain must be a domain under the public zone example.org of"
                + " aws().region(\"us-west-2\").publicZone(\"example.org\"), e.g."
                + " Demo...domain(\"cncfdemo.example.org\"), was \"demo.example.com\"");
    assertThat(client.namespaces().withName("outside").get()).isNull();
    assertThat(zone.opened()).isZero();
  }

  @Test
  void deployTo_aHostWithARecordTheDemoDidNotPublish_fails_andTeardownKeepsTheRecord() {
    var zone = new InMemoryZone("example.org");
    var theirs = DnsRecord.of("shop.taken.example.org", DnsRecord.A, 300, "198.51.100.7");
    zone.upsert(List.of(theirs));
    var demo = Demo.with(site()).named("taken").domain("taken.example.org");
    var controller = address("taken", "shop", null, LB);

    assertThatThrownBy(() -> demo.deployTo(cluster(zone), OPTIONS))
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(
            "shop.taken.example.org in zone example.org already has a A record (198.51.100.7)"
                + " that cncfdemo did not publish: delete it or choose another domain");
    controller.join();

    demo.teardown(cluster(zone));
    assertThat(zone.records()).contains(theirs);
  }

  @Test
  void deployTo_aHostAnotherDemoPublished_fails_andItsTeardownLeavesThatDemosRecords() {
    var zone = new InMemoryZone("example.org");
    var controller = address("first", "shop", null, LB);
    Demo.with(site()).named("first").domain("shared.example.org").deployTo(cluster(zone), OPTIONS);
    controller.join();
    var published = zone.records();
    var second = Demo.with(site()).named("second").domain("shared.example.org");
    var other = address("second", "shop", null, "other.elb.amazonaws.com");

    assertThatThrownBy(() -> second.deployTo(cluster(zone), OPTIONS))
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(
            "shop.shared.example.org in zone example.org belongs to another demo"
                + " (heritage=cncfdemo,cluster=dns,demo=first/first): tear that one down first or"
                + " choose another domain");
    other.join();

    second.teardown(cluster(zone));
    assertThat(zone.records()).isEqualTo(published);
  }

  @Test
  void deployTo_withoutAnAddress_failsAfterTheStageTimeout_namingTheIngress() {
    var zone = new InMemoryZone("example.org");
    var demo = Demo.with(site()).named("pending").domain("pending.example.org");

    assertThatThrownBy(() -> demo.deployTo(cluster(zone), OPTIONS))
        .hasMessageContaining("the load balancer address of Ingress pending/shop")
        .hasMessageContaining("no address in its status yet");
    assertThat(zone.records()).extracting(DnsRecord::type).containsExactly("NS", "SOA");
  }

  @Test
  void deployTo_onAClusterWithoutAZone_publishesNothing() {
    var demo = Demo.with(site()).named("plain");

    var deployed =
        demo.deployTo(cluster(Providers.local().context("mock"), Optional.empty()), OPTIONS);

    assertThat(deployed.compiled().find(Ingress.class, "shop").orElseThrow().getSpec().getRules())
        .extracting("host")
        .containsExactly("shop.localhost");
  }

  /**
   * Acts as the ingress controller: once the demo's Ingress exists, writes the load balancer's
   * address into its status.
   */
  private static CompletableFuture<Void> address(
      String namespace, String name, @Nullable String ip, @Nullable String hostname) {
    return CompletableFuture.runAsync(
        () -> {
          var ingress = client.network().v1().ingresses().inNamespace(namespace).withName(name);
          ingress.waitUntilCondition(Objects::nonNull, 10, TimeUnit.SECONDS);
          ingress.editStatus(
              found -> {
                found.setStatus(
                    new IngressStatusBuilder()
                        .withNewLoadBalancer()
                        .withIngress(
                            new IngressLoadBalancerIngressBuilder()
                                .withIp(ip)
                                .withHostname(hostname)
                                .build())
                        .endLoadBalancer()
                        .build());
                return found;
              });
        });
  }

  /** An Ingress for {@code shop.<domain>}. */
  private static Component site() {
    return new Component() {
      @Override
      public String name() {
        return "site";
      }

      @Override
      public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
        return Map.of(
            Stage.APPLICATION,
            List.of(
                new IngressBuilder()
                    .withNewMetadata()
                    .withName("shop")
                    .withNamespace(context.namespace())
                    .endMetadata()
                    .withNewSpec()
                    .addNewRule()
                    .withHost("shop." + context.domain())
                    .endRule()
                    .endSpec()
                    .build()));
      }
    };
  }

  private static RunningCluster cluster(InMemoryZone zone) {
    return cluster(aws().publicZone(zone.name()), Optional.of(zone));
  }

  private static RunningCluster cluster(Target target, Optional<InMemoryZone> zone) {
    var spec = ClusterSpec.on(target).name("dns");
    return new RunningCluster() {
      @Override
      public ClusterSpec spec() {
        return spec;
      }

      @Override
      public KubernetesClient client() {
        return client;
      }

      @Override
      public Optional<PublicZone> openPublicZone() {
        return zone.map(InMemoryZone::open);
      }

      @Override
      public ProvisioningPlan plan() {
        throw new IllegalStateException("the mock server has no plan");
      }

      @Override
      public Path kubeconfig() {
        throw new IllegalStateException("the mock server has no kubeconfig file");
      }

      @Override
      public void close() {}
    };
  }
}
