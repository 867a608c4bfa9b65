package io.cncfdemo.azure.internal;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.Context;
import com.azure.core.util.serializer.SerializerEncoding;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.cluster.PublicZone;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A public Azure DNS zone of the subscription ({@code azure().publicZone("example.org")}), found by
 * its name among the subscription's {@code Microsoft.Network/dnszones} resources and never created.
 * Record sets are read with the DNS API's own list ({@code .../recordsets}, followed through {@code
 * nextLink}) and written one by one, as the API has no batch: a create-or-update PUT per record
 * set, in the order given, and a DELETE per record set (API version {@value #API}).
 */
public final class AzureDnsZone implements PublicZone {
  static final String API = "2018-05-01";
  static final String TYPE = "Microsoft.Network/dnszones";

  private static final Map<String, String> FIELDS =
      Map.of(
          DnsRecord.A, "ARecords",
          DnsRecord.AAAA, "AAAARecords",
          DnsRecord.TXT, "TXTRecords",
          DnsRecord.CNAME, "CNAMERecord");

  /** The fields of an SOA record in the order DNS presents them. */
  private static final List<String> SOA_FIELDS =
      List.of(
          "host", "email", "serialNumber", "refreshTime", "retryTime", "expireTime", "minimumTTL");

  private final AzureClients azure;
  private final Arm arm;
  private final String name;
  private final String id;

  AzureDnsZone(AzureClients azure, String name, String id) {
    this.azure = azure;
    this.arm = new Arm(azure);
    this.name = name;
    this.id = id;
  }

  /** The zone {@code zone} of the subscription, or a failure naming it. */
  public static AzureDnsZone open(AzureClients azure, String zone) {
    var ids = new ArrayList<String>();
    azure
        .resources()
        .serviceClient()
        .getResources()
        .list("resourceType eq '" + TYPE + "'", null, null, Context.NONE)
        .forEach(
            resource -> {
              if (resource.name().toLowerCase(Locale.ROOT).equals(zone)) {
                ids.add(resource.id());
              }
            });
    if (ids.isEmpty()) {
      throw new InvalidInputException(
          "publicZone",
          zone,
          "a public Azure DNS zone of subscription "
              + azure.subscription()
              + ", looked up by name (cncfdemo never creates one): create it and delegate the"
              + " domain to its name servers");
    }
    if (ids.size() > 1) {
      throw new CncfDemoException(
          "subscription "
              + azure.subscription()
              + " has "
              + ids.size()
              + " DNS zones named "
              + zone
              + " ("
              + String.join(", ", ids)
              + "): delete the ones the domain is not delegated to");
    }
    return new AzureDnsZone(azure, zone, ids.get(0));
  }

  @Override
  public String name() {
    return name;
  }

  /** The zone's resource id. */
  public String id() {
    return id;
  }

  @Override
  public List<DnsRecord> records() {
    var records = new ArrayList<DnsRecord>();
    String next =
        azure.profile().getEnvironment().getResourceManagerEndpoint()
            + Arm.path(id)
            + "/recordsets?api-version="
            + API;
    while (next != null) {
      var page = get(next);
      if (page.get("value") instanceof List<?> sets) {
        for (var set : sets) {
          if (set instanceof Map<?, ?> map) {
            records.add(record(map));
          }
        }
      }
      next = page.get("nextLink") instanceof String link && !link.isBlank() ? link : null;
    }
    return records;
  }

  @Override
  public void upsert(List<DnsRecord> records) {
    for (var record : records) {
      arm.put(setId(record), API, new GenericResourceInner().withProperties(properties(record)));
    }
  }

  @Override
  public void delete(List<DnsRecord> records) {
    for (var record : records) {
      arm.delete(setId(record), API);
    }
  }

  /** Nothing to release: the clients belong to the provider's call. */
  @Override
  public void close() {}

  private String setId(DnsRecord record) {
    var relative =
        record.name().equals(name)
            ? "@"
            : record.name().substring(0, record.name().length() - name.length() - 1);
    return id + "/" + record.type() + "/" + relative;
  }

  static Map<String, Object> properties(DnsRecord record) {
    var field = FIELDS.get(record.type());
    if (field == null) {
      throw new IllegalArgumentException("no Azure DNS field for type " + record.type());
    }
    Object values =
        switch (record.type()) {
          case DnsRecord.CNAME -> Map.of("cname", record.values().get(0));
          case DnsRecord.A ->
              record.values().stream().map(ip -> Map.of("ipv4Address", ip)).toList();
          case DnsRecord.AAAA ->
              record.values().stream().map(ip -> Map.of("ipv6Address", ip)).toList();
          default -> record.values().stream().map(text -> Map.of("value", List.of(text))).toList();
        };
    var properties = new LinkedHashMap<String, Object>();
    properties.put("TTL", record.ttl());
    properties.put(field, values);
    return properties;
  }

  /** A record set as the DNS API lists it. */
  static DnsRecord record(Map<?, ?> set) {
    var type = String.valueOf(set.get("type"));
    type = type.substring(type.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
    var properties = set.get("properties") instanceof Map<?, ?> map ? map : Map.of();
    var fqdn = String.valueOf(properties.get("fqdn"));
    long ttl = properties.get("TTL") instanceof Number number ? number.longValue() : 0;
    var values = new ArrayList<String>();
    switch (type) {
      case DnsRecord.CNAME -> {
        if (properties.get("CNAMERecord") instanceof Map<?, ?> cname) {
          values.add(String.valueOf(cname.get("cname")));
        }
      }
      case DnsRecord.A -> each(properties.get("ARecords"), "ipv4Address", values);
      case DnsRecord.AAAA -> each(properties.get("AAAARecords"), "ipv6Address", values);
      case DnsRecord.TXT -> {
        if (properties.get("TXTRecords") instanceof List<?> texts) {
          for (var text : texts) {
            if (text instanceof Map<?, ?> entry && entry.get("value") instanceof List<?> parts) {
              values.add(String.join("", parts.stream().map(String::valueOf).toList()));
            }
          }
        }
      }
      case "NS" -> each(properties.get("NSRecords"), "nsdname", values);
      case "SOA" -> {
        if (properties.get("SOARecord") instanceof Map<?, ?> soa) {
          values.add(
              String.join(
                  " ",
                  SOA_FIELDS.stream()
                      .filter(soa::containsKey)
                      .map(field -> String.valueOf(soa.get(field)))
                      .toList()));
        }
      }
      default ->
          properties.entrySet().stream()
              .filter(e -> String.valueOf(e.getKey()).endsWith("Records"))
              .forEach(e -> values.add(String.valueOf(e.getValue())));
    }
    return new DnsRecord(fqdn, type, ttl, values);
  }

  private static void each(Object list, String field, List<String> into) {
    if (list instanceof List<?> items) {
      for (var item : items) {
        if (item instanceof Map<?, ?> entry) {
          into.add(String.valueOf(entry.get(field)));
        }
      }
    }
  }

  private Map<?, ?> get(String url) {
    var client = azure.resources().serviceClient();
    try (var response =
        client.getHttpPipeline().sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
      var body = response.getBodyAsBinaryData();
      var text = body == null ? "{}" : body.toString();
      if (response.getStatusCode() != 200) {
        throw new ManagementException(
            "Azure DNS answered " + response.getStatusCode() + " to GET " + url + ": " + text,
            response);
      }
      Map<?, ?> page =
          SerializerFactory.createDefaultManagementSerializerAdapter()
              .deserialize(text, Map.class, SerializerEncoding.JSON);
      return page == null ? Map.of() : page;
    } catch (IOException e) {
      throw new CncfDemoException("could not read the record sets of zone " + name, e);
    }
  }
}
