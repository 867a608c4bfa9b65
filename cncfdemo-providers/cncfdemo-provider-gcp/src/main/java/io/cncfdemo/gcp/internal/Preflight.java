package io.cncfdemo.gcp.internal;

import com.google.api.gax.rpc.NotFoundException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.compute.v1.MachineType;
import com.google.cloud.compute.v1.Quota;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.exception.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * The checks made before anything is created. Without a call to Google: the API access range is
 * given, a credential is found and a project is known. With read-only calls (Zones, MachineTypes,
 * Regions): the zone exists for the project, it offers both machine types, and the region's CPU
 * quota has room for every node. Messages name the field and the value, never a secret.
 */
public final class Preflight {
  /**
   * The environment variable the project is read from when neither the target nor the builder names
   * one.
   */
  public static final String PROJECT_VARIABLE = "GOOGLE_CLOUD_PROJECT";

  static final String CPU_QUOTA = "CPUS";

  static final String API_ACCESS_CIDR_RULE =
      "given: call gcp().apiAccessCidr(\"203.0.113.7/32\") with the only IPv4"
          + " range allowed to reach the API server and SSH (your own address as a /32)";
  static final String PROJECT_RULE =
      "given: call gcp().project(\"<project id>\"), set "
          + PROJECT_VARIABLE
          + " or use a service-account key that names its project (gcloud config get-value project"
          + " prints yours)";
  static final String CREDENTIALS_RULE =
      "Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth"
          + " application-default login`, or the metadata server of a Google Cloud machine) or a"
          + " key file given with GcpClusterProvider.builder().keyFile(path)";

  private Preflight() {}

  /** The range allowed to reach the API server and SSH; required to create a cluster. */
  public static String apiAccessCidr(GcpTarget target) {
    return target
        .apiAccessCidr()
        .orElseThrow(() -> new InvalidInputException("apiAccessCidr", null, API_ACCESS_CIDR_RULE));
  }

  /**
   * The key file's credentials, or Application Default Credentials; a missing one names where it
   * was looked for.
   */
  public static GoogleCredentials credentials(Optional<Path> keyFile) {
    if (keyFile.isPresent()) {
      var file = keyFile.get();
      try (InputStream in = Files.newInputStream(file)) {
        return GoogleCredentials.fromStream(in);
      } catch (IOException e) {
        var reason =
            e instanceof NoSuchFileException
                ? "there is no such file"
                : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        throw new InvalidInputException(
            "keyFile",
            file.toString(),
            "a readable service-account or user key file (" + reason + ")");
      }
    }
    try {
      return GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new InvalidInputException("credentials", null, CREDENTIALS_RULE);
    }
  }

  /**
   * The project: the target's, else the builder's, else the key's, else {@value #PROJECT_VARIABLE}.
   */
  public static String project(
      GcpTarget target,
      Optional<String> configured,
      Optional<GoogleCredentials> credentials,
      Optional<String> environment) {
    return target
        .project()
        .or(() -> configured)
        .or(
            () ->
                credentials
                    .filter(ServiceAccountCredentials.class::isInstance)
                    .map(c -> ((ServiceAccountCredentials) c).getProjectId()))
        .or(() -> environment.filter(value -> !value.isBlank()))
        .orElseThrow(() -> new InvalidInputException("project", null, PROJECT_RULE));
  }

  /** The checks that ask Compute Engine; nothing is written. */
  public static void capacity(GcpClients gcp, ClusterSpec spec) {
    var target = (GcpTarget) spec.target();
    zone(gcp, target.zone());
    var master = machineType(gcp, "masterMachineType", target.masterMachineType());
    var minion = machineType(gcp, "machineType", target.machineType());
    cpuQuota(gcp, spec, master, minion);
  }

  private static void zone(GcpClients gcp, String zone) {
    try {
      gcp.zones.get(gcp.project, zone);
    } catch (NotFoundException e) {
      var known = new TreeSet<String>();
      gcp.zones.list(gcp.project).iterateAll().forEach(z -> known.add(z.getName()));
      throw new InvalidInputException(
          "zone",
          zone,
          "a zone of project "
              + gcp.project
              + (known.isEmpty() ? "" : ", one of " + String.join(", ", known)));
    }
  }

  private static MachineType machineType(GcpClients gcp, String field, String type) {
    try {
      return gcp.machineTypes.get(gcp.project, gcp.zone, type);
    } catch (NotFoundException e) {
      var offered =
          StreamSupport.stream(
                  gcp.machineTypes.list(gcp.project, gcp.zone).iterateAll().spliterator(), false)
              .map(MachineType::getName)
              .filter(name -> name.startsWith(family(type)))
              .sorted()
              .limit(8)
              .toList();
      throw new InvalidInputException(
          field,
          type,
          "a machine type offered in zone "
              + gcp.zone
              + (offered.isEmpty() ? "" : ", such as " + String.join(", ", offered)));
    }
  }

  private static void cpuQuota(
      GcpClients gcp, ClusterSpec spec, MachineType master, MachineType minion) {
    var region = gcp.regions.get(gcp.project, gcp.region);
    var quota =
        region.getQuotasList().stream().filter(q -> q.getMetric().equals(CPU_QUOTA)).findFirst();
    if (quota.isEmpty()) {
      return;
    }
    var free = (long) (quota.get().getLimit() - quota.get().getUsage());
    long mastersNeed = (long) spec.masters() * master.getGuestCpus();
    long needed = mastersNeed + (long) spec.minions() * minion.getGuestCpus();
    if (needed > free) {
      long minionsFit = Math.max(0, (free - mastersNeed) / Math.max(1, minion.getGuestCpus()));
      throw new InvalidInputException(
          NodeRole.MINION.plural(),
          spec.minions(),
          "at most "
              + minionsFit
              + ": region "
              + gcp.region
              + " has "
              + free
              + " of its "
              + describe(quota.get())
              + " vCPUs (quota "
              + CPU_QUOTA
              + ") free, and the cluster needs "
              + needed
              + " ("
              + spec.masters()
              + " x "
              + master.getName()
              + ", "
              + spec.minions()
              + " x "
              + minion.getName()
              + "); ask for more at"
              + " console.cloud.google.com/iam-admin/quotas");
    }
  }

  private static String describe(Quota quota) {
    return String.valueOf((long) quota.getLimit());
  }

  private static String family(String type) {
    var dash = type.indexOf('-');
    return dash < 0 ? type : type.substring(0, dash + 1);
  }
}
