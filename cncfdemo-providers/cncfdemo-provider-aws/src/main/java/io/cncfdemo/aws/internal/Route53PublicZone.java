package io.cncfdemo.aws.internal;

import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.cluster.PublicZone;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A public Route53 hosted zone of the account, found by its name ({@code
 * aws().publicZone("example.org")}) and never created: record sets are read with the paginator and
 * changed in one change batch of {@code UPSERT}s or {@code DELETE}s, waited on until Route53
 * reports it {@code INSYNC}. Names travel with their final dot, TXT values in quotes, as Route53
 * wants them.
 */
public final class Route53PublicZone implements PublicZone {
  /** Record sets asked for per page; Route53's own maximum is 300. */
  static final int PAGE_SIZE = 300;

  static final String ZONE_RULE =
      "a public Route53 hosted zone of this AWS account, looked up by name (cncfdemo never creates"
          + " one): create it and delegate the domain to its name servers";

  private final Route53Client route53;
  private final Optional<SdkHttpClient> http;
  private final String name;
  private final String id;
  private final int pageSize;

  Route53PublicZone(
      Route53Client route53, Optional<SdkHttpClient> http, String name, String id, int pageSize) {
    this.route53 = route53;
    this.http = http;
    this.name = name;
    this.id = id;
    this.pageSize = pageSize;
  }

  /**
   * Opens the zone {@code zone} with a client of its own (closed with the zone), or fails naming
   * it.
   */
  public static Route53PublicZone open(
      String zone, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
    var http = UrlConnectionHttpClient.create();
    var builder =
        Route53Client.builder()
            .region(Region.AWS_GLOBAL)
            .credentialsProvider(credentials)
            .httpClient(http);
    endpoint.ifPresent(builder::endpointOverride);
    var route53 = builder.build();
    try {
      return new Route53PublicZone(
          route53, Optional.of(http), zone, find(route53, zone), PAGE_SIZE);
    } catch (RuntimeException e) {
      route53.close();
      http.close();
      throw e;
    }
  }

  /** The id (without {@code /hostedzone/}) of the one public zone named {@code zone}. */
  public static String find(Route53Client route53, String zone) {
    var wanted = zone + ".";
    var ids = new ArrayList<String>();
    for (var found : route53.listHostedZonesByName(r -> r.dnsName(wanted)).hostedZones()) {
      if (found.name().equals(wanted) && !found.config().privateZone()) {
        ids.add(DnsZone.id(found));
      }
    }
    if (ids.isEmpty()) {
      throw new InvalidInputException("publicZone", zone, ZONE_RULE);
    }
    if (ids.size() > 1) {
      throw new CncfDemoException(
          "this AWS account has "
              + ids.size()
              + " public hosted zones named "
              + zone
              + " ("
              + String.join(", ", ids)
              + "): delete the ones the domain is not delegated to");
    }
    return ids.get(0);
  }

  @Override
  public String name() {
    return name;
  }

  /** The zone's id, without {@code /hostedzone/}. */
  public String id() {
    return id;
  }

  @Override
  public List<DnsRecord> records() {
    return sets().stream().map(Route53PublicZone::record).toList();
  }

  @Override
  public void upsert(List<DnsRecord> records) {
    change(records.stream().map(record -> change(ChangeAction.UPSERT, set(record))).toList());
  }

  @Override
  public void delete(List<DnsRecord> records) {
    var gone =
        sets().stream()
            .filter(set -> records.stream().anyMatch(record -> record.sameSet(record(set))))
            .map(set -> change(ChangeAction.DELETE, set))
            .toList();
    change(gone);
  }

  @Override
  public void close() {
    route53.close();
    http.ifPresent(SdkHttpClient::close);
  }

  private List<ResourceRecordSet> sets() {
    var sets = new ArrayList<ResourceRecordSet>();
    route53
        .listResourceRecordSetsPaginator(r -> r.hostedZoneId(id).maxItems(String.valueOf(pageSize)))
        .forEach(page -> sets.addAll(page.resourceRecordSets()));
    return sets;
  }

  private void change(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    var info =
        route53
            .changeResourceRecordSets(
                r -> r.hostedZoneId(id).changeBatch(b -> b.comment("cncfdemo").changes(changes)))
            .changeInfo();
    route53.waiter().waitUntilResourceRecordSetsChanged(r -> r.id(info.id()));
  }

  private static Change change(ChangeAction action, ResourceRecordSet set) {
    return Change.builder().action(action).resourceRecordSet(set).build();
  }

  static ResourceRecordSet set(DnsRecord record) {
    return ResourceRecordSet.builder()
        .name(record.name() + ".")
        .type(record.type())
        .ttl(record.ttl())
        .resourceRecords(
            record.values().stream()
                .map(value -> record.type().equals(DnsRecord.TXT) ? DnsRecord.quoted(value) : value)
                .map(value -> ResourceRecord.builder().value(value).build())
                .toList())
        .build();
  }

  static DnsRecord record(ResourceRecordSet set) {
    var type = set.typeAsString();
    var values =
        set.aliasTarget() != null
            ? List.of(DnsRecord.canonical(set.aliasTarget().dnsName()))
            : set.resourceRecords().stream()
                .map(ResourceRecord::value)
                .map(value -> type.equals(DnsRecord.TXT) ? DnsRecord.unquoted(value) : value)
                .toList();
    return new DnsRecord(unescaped(set.name()), type, set.ttl() == null ? 0 : set.ttl(), values);
  }

  /** A name as Route53 lists it, its octal escapes ({@code \052} for {@code *}) decoded. */
  static String unescaped(String name) {
    var out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\'
          && i + 3 < name.length()
          && name.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
        out.append((char) Integer.parseInt(name.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
