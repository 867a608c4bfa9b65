package io.cncfdemo.azure;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import io.cncfdemo.Cluster;
import io.cncfdemo.azure.internal.AzureClients;
import io.cncfdemo.azure.internal.AzureDnsZone;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.cluster.PublishedNames;
import io.cncfdemo.exception.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code azure().publicZone(..)} with the real SDK against the ARM fake: the user's public DNS zone
 * is found by name in the subscription (never created), its record sets read across {@code
 * nextLink} pages, written by create-or-update PUTs and deleted, down to the zone's own SOA and NS.
 */
class AzureDnsZoneFakeTest {
  static final String ZONE = "example.org";
  static final String ZONE_ID =
      "/subscriptions/"
          + FakeAzure.SUBSCRIPTION
          + "/resourceGroups/dns/providers/Microsoft.Network/dnszones/"
          + ZONE;
  static FakeAzure fake;
  static AzureClients clients;

  @TempDir Path kubeconfigs;

  @BeforeAll
  static void zone() throws Exception {
    fake = new FakeAzure();
    clients =
        new AzureClients(
            FakeAzure.SUBSCRIPTION,
            FakeAzure.TOKEN,
            Optional.of(fake.arm.endpoint()),
            fake.arm.httpClient());
    var unused = clients.resources().resourceGroups().define("dns").withRegion("westus2").create();
    var resources = clients.resources().serviceClient().getResources();
    resources.createOrUpdateById(
        ZONE_ID.substring(1),
        "2018-05-01",
        new GenericResourceInner().withLocation("global").withProperties(Map.of()),
        Context.NONE);
  }

  @AfterAll
  static void stop() throws Exception {
    fake.close();
  }

  @Test
  void openPublicZone_findsTheZoneByName_withItsOwnRecords() {
    var spec = ClusterSpec.on(azure().publicZone(ZONE));

    try (var zone = fake.provider(kubeconfigs).build().openPublicZone(spec).orElseThrow()) {
      assertThat(zone.name()).isEqualTo(ZONE);
      assertThat(((AzureDnsZone) zone).id()).isEqualTo(ZONE_ID);
      assertThat(zone.records())
          .extracting(DnsRecord::name, DnsRecord::type, DnsRecord::values)
          .contains(
              tuple(ZONE, "NS", List.of("ns1-01.azure-dns.com.", "ns2-01.azure-dns.net.")),
              tuple(
                  ZONE,
                  "SOA",
                  List.of("ns1-01.azure-dns.com. azuredns-hostmaster.microsoft.com 1")));
    }
  }

  @Test
  void aZoneTheSubscriptionLacks_stopsCreate_beforeAnyWrite() {
    int writes = fake.arm.writes().size();

    assertThatThrownBy(
            () ->
                Cluster.on(azure().apiAccessCidr("203.0.113.7/32").publicZone("missing.example"))
                    .named("nozone")
                    .using(fake.provider(kubeconfigs).build())
                    .create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "publicZone must be a public Azure DNS zone of subscription "
                + FakeAzure.SUBSCRIPTION
                + ", looked up by name (cncfdemo never creates one): create it and delegate the"
                + " domain to its name servers, was \"missing.example\"");
    assertThat(fake.arm.writes()).hasSize(writes);
  }

  @Test
  void upsert_records_andDelete_acrossPages_leaveTheZonesOwnRecords() {
    try (var zone = AzureDnsZone.open(clients, ZONE)) {
      var before = zone.records();
      var owner =
          DnsRecord.of(
              "_cncfdemo.countly.demo.example.org", DnsRecord.TXT, 60, "heritage=cncfdemo");
      var countly = DnsRecord.of("countly.demo.example.org", DnsRecord.CNAME, 60, "lb.example.net");
      var grafana =
          new DnsRecord(
              "grafana.demo.example.org", DnsRecord.A, 60, List.of("203.0.113.1", "203.0.113.2"));
      var apex = DnsRecord.of(ZONE, DnsRecord.TXT, 300, "v=spf1 -all");

      zone.upsert(List.of(owner, countly, grafana, apex));

      assertThat(zone.records()).contains(owner, countly, grafana, apex).hasSize(before.size() + 4);
      var moved = DnsRecord.of("countly.demo.example.org", DnsRecord.CNAME, 60, "lb2.example.net");
      zone.upsert(List.of(moved));
      assertThat(zone.records()).contains(moved).doesNotContain(countly);

      zone.delete(List.of(owner, moved, grafana, apex));
      zone.delete(List.of(owner, moved, grafana, apex));

      assertThat(zone.records()).isEqualTo(before);
      assertThat(fake.arm.requests())
          .anyMatch(
              request ->
                  request.path().endsWith("/dnszones/" + ZONE + "/recordsets")
                      && request.query().contains("skiptoken=2"));
    }
  }

  @Test
  void destroy_ofACluster_deletesWhatItsDemosPublished_andNothingElse() {
    try (var zone = AzureDnsZone.open(clients, ZONE)) {
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
          .destroy(ClusterSpec.on(azure().publicZone(ZONE)).name("gone"));

      assertThat(zone.records()).containsAll(theirs).hasSize(before.size() + 2);
      zone.delete(theirs);
    }
  }

  @Test
  void aCnameNextToAnotherType_isRefused_asAzureDnsRefusesIt() {
    try (var zone = AzureDnsZone.open(clients, ZONE)) {
      zone.upsert(
          List.of(DnsRecord.of("clash.example.org", DnsRecord.CNAME, 60, "lb.example.net")));

      assertThatThrownBy(
              () ->
                  zone.upsert(
                      List.of(DnsRecord.of("clash.example.org", DnsRecord.A, 60, "203.0.113.9"))))
          .isInstanceOf(ManagementException.class)
          .hasMessageContaining("a CNAME record with the same name already exists");

      zone.delete(List.of(DnsRecord.of("clash.example.org", DnsRecord.CNAME, 60, "")));
    }
  }
}
