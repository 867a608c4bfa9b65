package io.cncfdemo.gcp;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.services.dns.model.ManagedZone;
import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.cluster.PublishedNames;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.gcp.internal.CloudDnsZone;
import io.cncfdemo.gcp.internal.GcpClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gcp().publicZone(..)} with the real Cloud DNS client against the fake: the user's public
 * managed zone is found by its DNS name (a private zone of the same name is not it; none is ever
 * created), its record sets read across pages and changed in changes waited until done, down to the
 * zone's own SOA and NS.
 */
class CloudDnsZoneFakeTest {
  static final String ZONE = "example.org";
  static FakeGcp fake;

  @TempDir Path kubeconfigs;

  @BeforeAll
  static void zones() throws Exception {
    fake = new FakeGcp();
    try (var gcp = clients()) {
      gcp.dns
          .managedZones()
          .create(
              FakeGcp.PROJECT,
              new ManagedZone()
                  .setName("example-org-private")
                  .setDnsName(ZONE + ".")
                  .setVisibility("private"))
          .execute();
      gcp.dns
          .managedZones()
          .create(FakeGcp.PROJECT, new ManagedZone().setName("example-org").setDnsName(ZONE + "."))
          .execute();
    }
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  static GcpClients clients() {
    return new GcpClients(
        FakeGcp.PROJECT,
        "us-central1-a",
        "us-central1",
        NoCredentialsProvider.create(),
        request -> {},
        Optional.of(fake.fake.computeEndpoint()),
        Optional.of(fake.fake.dnsRootUrl()),
        Optional.of(fake.fake.identityRootUrl()),
        Optional.of(Duration.ofMillis(10)));
  }

  @Test
  void openPublicZone_findsThePublicZoneByItsDnsName_withItsOwnRecords() {
    var spec = ClusterSpec.on(gcp().project(FakeGcp.PROJECT).publicZone(ZONE));

    try (var zone = fake.provider(kubeconfigs).build().openPublicZone(spec).orElseThrow()) {
      assertThat(((CloudDnsZone) zone).managedZone()).isEqualTo("example-org");
      assertThat(zone.records())
          .extracting(DnsRecord::name, DnsRecord::type, DnsRecord::values)
          .containsExactly(
              tuple(
                  ZONE,
                  "SOA",
                  List.of(
                      "ns-cloud-a1.googledomains.com. cloud-dns-hostmaster.google.com. 1 21600"
                          + " 3600 259200 300")),
              tuple(ZONE, "NS", List.of("ns-cloud-a1.googledomains.com.")));
    }
  }

  @Test
  void aZoneTheProjectLacks_stopsCreate_beforeAnyInsert() {
    int zones = fake.fake.dns().zones().size();
    int resources = fake.fake.compute().resources().size();

    assertThatThrownBy(
            () ->
                Cluster.on(
                        gcp()
                            .project(FakeGcp.PROJECT)
                            .apiAccessCidr("203.0.113.7/32")
                            .publicZone("missing.example"))
                    .named("nozone")
                    .using(fake.provider(kubeconfigs).build())
                    .create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "publicZone must be a public Cloud DNS managed zone of project "
                + FakeGcp.PROJECT
                + ", looked up by its DNS name (cncfdemo never creates one): create it and"
                + " delegate the domain to its name servers, was \"missing.example\"");
    assertThat(fake.fake.dns().zones()).hasSize(zones);
    assertThat(fake.fake.compute().resources()).hasSize(resources);
  }

  @Test
  void upsert_records_andDelete_acrossPages_leaveTheZonesOwnRecords() {
    try (var zone = CloudDnsZone.open(clients(), ZONE)) {
      var before = zone.records();
      var owner =
          DnsRecord.of(
              "_cncfdemo.countly.demo.example.org",
              DnsRecord.TXT,
              60,
              "heritage=cncfdemo,say=\"hi\"");
      var countly = DnsRecord.of("countly.demo.example.org", DnsRecord.A, 60, "203.0.113.5");
      var grafana = DnsRecord.of("grafana.demo.example.org", DnsRecord.A, 60, "203.0.113.5");

      zone.upsert(List.of(owner, countly, grafana));
      zone.upsert(List.of(owner, countly, grafana));

      assertThat(zone.records()).contains(owner, countly, grafana).hasSize(before.size() + 3);
      var moved = DnsRecord.of("countly.demo.example.org", DnsRecord.A, 60, "203.0.113.6");
      zone.upsert(List.of(moved));
      assertThat(zone.records()).contains(moved).doesNotContain(countly);

      zone.delete(List.of(owner, moved, grafana));
      zone.delete(List.of(owner, moved, grafana));

      assertThat(zone.records()).isEqualTo(before);
    }
  }

  @Test
  void destroy_ofACluster_deletesWhatItsDemosPublished_andNothingElse() {
    try (var zone = CloudDnsZone.open(clients(), ZONE)) {
      var before = zone.records();
      var theirs =
          List.of(
              DnsRecord.of(
                  "_cncfdemo.countly.b.example.org",
                  DnsRecord.TXT,
                  60,
                  PublishedNames.owner("other", "d", "d")),
              DnsRecord.of("countly.b.example.org", DnsRecord.A, 60, "203.0.113.8"));
      zone.upsert(
          List.of(
              DnsRecord.of(
                  "_cncfdemo.countly.a.example.org",
                  DnsRecord.TXT,
                  60,
                  PublishedNames.owner("gone", "d", "d")),
              DnsRecord.of("countly.a.example.org", DnsRecord.A, 60, "203.0.113.7")));
      zone.upsert(theirs);

      fake.provider(kubeconfigs)
          .build()
          .destroy(ClusterSpec.on(gcp().project(FakeGcp.PROJECT).publicZone(ZONE)).name("gone"));

      assertThat(zone.records()).containsAll(theirs).hasSize(before.size() + 2);
      zone.delete(theirs);
    }
  }

  @Test
  void aCnameNextToAnotherType_isRefused_asCloudDnsRefusesIt() {
    try (var zone = CloudDnsZone.open(clients(), ZONE)) {
      zone.upsert(List.of(DnsRecord.of("clash.example.org", DnsRecord.A, 60, "203.0.113.9")));

      assertThatThrownBy(
              () ->
                  zone.upsert(
                      List.of(
                          DnsRecord.of(
                              "clash.example.org", DnsRecord.CNAME, 60, "lb.example.net."))))
          .isInstanceOf(CncfDemoException.class)
          .hasMessageContaining("400")
          .hasMessageContaining("a CNAME must be the only record set of its name");

      zone.delete(List.of(DnsRecord.of("clash.example.org", DnsRecord.A, 60, "")));
    }
  }
}
