package io.cncfdemo.cluster;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The "baremetal" deployment model: servers you already have, from any vendor or your own rack,
 * reached over SSH; acted on by {@code cncfdemo-provider-baremetal}. The hosts with role {@code
 * master} become the control plane, or, when no host has a role, the first {@code masters} hosts;
 * the others become minions. Host keys are checked against {@link #knownHosts()} and the pinned
 * {@link BareMetalHost#hostKey() fingerprints}; an unknown key is refused.
 */
@CncfDemoValue
public abstract class BareMetalTarget implements Target {
  public static final String PROVIDER = "baremetal";
  public static final String DEFAULT_SSH_USER = "root";
  public static final int DEFAULT_SSH_PORT = 22;
  private static final java.util.regex.Pattern MIRROR =
      java.util.regex.Pattern.compile("https?://[^\\s/$.?#][^\\s]*");

  BareMetalTarget() {}

  /** A target of these hosts: host names or IP addresses, at least one. */
  public static BareMetalTarget of(List<String> hosts) {
    if (hosts == null || hosts.isEmpty()) {
      throw new InvalidInputException("hosts", "none", "at least one host name or IP address");
    }
    var builder = ImmutableBareMetalTarget.builder();
    for (var host : hosts) {
      builder.addHosts(BareMetalHost.of(Check.host("hosts", host)));
    }
    return builder.build();
  }

  /** A target of the hosts and settings of an inventory file. */
  public static BareMetalTarget of(Inventory inventory) {
    Check.notNull(
        "inventory", inventory, "an inventory, e.g. Inventory.read(Path.of(\"cluster.yaml\"))");
    var builder =
        ImmutableBareMetalTarget.builder()
            .addAllHosts(inventory.hosts())
            .inventory(inventory.source())
            .sshUser(inventory.user().orElse(DEFAULT_SSH_USER))
            .sshPort(inventory.port().orElse(DEFAULT_SSH_PORT))
            .hourlyCost(inventory.hourlyCost().orElse(BigDecimal.ZERO));
    inventory.key().ifPresent(builder::sshKey);
    inventory.knownHosts().ifPresent(builder::knownHosts);
    inventory.bastion().ifPresent(builder::bastion);
    inventory.mirror().ifPresent(url -> builder.downloads(true).mirror(url));
    if (inventory.downloads()) {
      builder.downloads(true);
    }
    return builder.build();
  }

  /** The servers, in the order given. */
  public abstract List<BareMetalHost> hosts();

  /** The login user of every host that names none. */
  @Value.Default
  public String sshUser() {
    return DEFAULT_SSH_USER;
  }

  /** The SSH port of every host that names none. */
  @Value.Default
  public int sshPort() {
    return DEFAULT_SSH_PORT;
  }

  /**
   * The private key of every host that names none; when absent, {@code ~/.ssh/id_ed25519}, {@code
   * id_ecdsa} or {@code id_rsa}.
   */
  public abstract Optional<Path> sshKey();

  /**
   * The jump host every connection goes through, as OpenSSH's {@code ProxyJump}; when absent,
   * direct.
   */
  public abstract Optional<BareMetalHost> bastion();

  /**
   * The known_hosts file host keys are checked against; when absent, {@code ~/.ssh/known_hosts} if
   * it exists.
   */
  public abstract Optional<Path> knownHosts();

  /**
   * What one host costs per hour in USD, as you declare it (zero by default), so plans price bare
   * metal too.
   */
  @Value.Default
  public BigDecimal hourlyCost() {
    return BigDecimal.ZERO;
  }

  /**
   * The directory of this machine the binaries are uploaded from (air-gapped install); when absent,
   * the cache of {@code scripts/k8s-binaries.sh} for Kubernetes and this machine's containerd, runc
   * and CNI plugins.
   */
  public abstract Optional<Path> binaries();

  /**
   * Whether each host downloads the software itself (from the projects' release sites, or {@link
   * #mirror()}) instead of having it uploaded from this machine; see {@link #fromInternet()}.
   */
  @Value.Default
  public boolean downloads() {
    return false;
  }

  /**
   * The mirror the hosts download from, laid out as kubespray's {@code files_repo}: host and path
   * of each upstream URL.
   */
  public abstract Optional<String> mirror();

  /**
   * Image archives ({@code docker save} or OCI layout tars) imported on every minion, for clusters
   * without a registry.
   */
  public abstract List<Path> images();

  /** The inventory file the hosts came from, when they did. */
  public abstract Optional<Path> inventory();

  public BareMetalTarget sshUser(String user) {
    return ImmutableBareMetalTarget.copyOf(this).copyWithSshUser(Check.posixUser("sshUser", user));
  }

  public BareMetalTarget sshPort(int port) {
    return ImmutableBareMetalTarget.copyOf(this)
        .copyWithSshPort(Check.between("sshPort", port, 1, 65535));
  }

  public BareMetalTarget sshKey(Path key) {
    return ImmutableBareMetalTarget.copyOf(this)
        .copyWithSshKey(BareMetalChecks.readableFile("sshKey", key, "a private key file"));
  }

  /** Connects through this jump host, written {@code [user@]host[:port]} as for {@code ssh -J}. */
  public BareMetalTarget bastion(String destination) {
    return ImmutableBareMetalTarget.copyOf(this)
        .copyWithBastion(BareMetalHost.parse("bastion", destination));
  }

  /** Checks host keys against this known_hosts file (OpenSSH's format, hashed names included). */
  public BareMetalTarget knownHosts(Path file) {
    return ImmutableBareMetalTarget.copyOf(this)
        .copyWithKnownHosts(BareMetalChecks.readableFile("knownHosts", file, "a known_hosts file"));
  }

  /**
   * Pins the key of one of the hosts (or of the bastion) to this SHA-256 fingerprint, as {@code
   * ssh-keygen -l} prints it.
   */
  public BareMetalTarget hostKey(String host, String fingerprint) {
    BareMetalChecks.fingerprint("hostKey", fingerprint);
    if (bastion().filter(bastion -> bastion.address().equals(host)).isPresent()) {
      return ImmutableBareMetalTarget.copyOf(this)
          .copyWithBastion(bastion().orElseThrow().hostKey(fingerprint));
    }
    if (hosts().stream().noneMatch(each -> each.address().equals(host))) {
      throw new InvalidInputException(
          "hostKey",
          host,
          "one of the hosts "
              + addresses()
              + bastion().map(bastion -> " or the bastion " + bastion.address()).orElse(""));
    }
    var pinned =
        hosts().stream()
            .map(each -> each.address().equals(host) ? each.hostKey(fingerprint) : each)
            .toList();
    return ImmutableBareMetalTarget.copyOf(this).copyWithHosts(pinned);
  }

  /**
   * Declares what one host costs per hour in USD, e.g. {@code 0.45}; {@code plan()} multiplies it
   * by the hosts.
   */
  public BareMetalTarget hourlyCost(double usdPerHostHour) {
    if (!Double.isFinite(usdPerHostHour)) {
      throw new InvalidInputException(
          "hourlyCost", usdPerHostHour, BareMetalChecks.HOURLY_COST_RULE);
    }
    return ImmutableBareMetalTarget.copyOf(this)
        .copyWithHourlyCost(
            BareMetalChecks.hourlyCost("hourlyCost", BigDecimal.valueOf(usdPerHostHour)));
  }

  /**
   * Uploads the binaries from this directory of this machine (see the provider's README for its
   * layout).
   */
  public BareMetalTarget binaries(Path directory) {
    Check.notNull("binaries", directory, "the path of a directory of binaries");
    if (!Files.isDirectory(directory)) {
      throw new InvalidInputException(
          "binaries", directory, "the path of a directory of binaries (there is none)");
    }
    return ImmutableBareMetalTarget.copyOf(this).copyWithBinaries(directory);
  }

  /**
   * Each host downloads the software itself, with curl, from dl.k8s.io and the projects' GitHub
   * releases, and checks it against their published SHA-256 sums; for hosts that reach the
   * internet. By default the software is uploaded from this machine instead (air-gapped).
   */
  public BareMetalTarget fromInternet() {
    return ImmutableBareMetalTarget.copyOf(this).copyWithDownloads(true);
  }

  /**
   * Each host downloads the software from this mirror, which holds the upstream files under their
   * host and path (as kubespray's {@code files_repo}): {@code
   * <mirror>/dl.k8s.io/release/v1.35.4/bin/linux/amd64/kubelet}, ...
   */
  public BareMetalTarget fromMirror(String url) {
    if (url == null || !MIRROR.matcher(url).matches()) {
      throw new InvalidInputException(
          "mirror", url, "an http:// or https:// URL such as https://mirror.example.com/k8s-files");
    }
    return ImmutableBareMetalTarget.copyOf(this)
        .copyWithDownloads(true)
        .copyWithMirror(url.replaceAll("/+$", ""));
  }

  /**
   * Imports these image archives on every minion (air-gapped: pods then use {@code imagePullPolicy:
   * Never} or IfNotPresent).
   */
  public BareMetalTarget images(Path... archives) {
    var all = new ArrayList<>(images());
    for (var archive : Check.notNull("images", archives, "image archive files")) {
      all.add(BareMetalChecks.readableFile("images", archive, "an image archive"));
    }
    return ImmutableBareMetalTarget.copyOf(this).copyWithImages(all);
  }

  /** The hosts that become masters when the cluster asks for {@code masters} of them. */
  public final List<BareMetalHost> masters(int masters) {
    if (hasRoles()) {
      return hosts().stream()
          .filter(host -> host.role().equals(Optional.of(BareMetalHost.Role.MASTER)))
          .toList();
    }
    return hosts().subList(0, Math.min(masters, hosts().size()));
  }

  /**
   * The hosts that become minions when the cluster asks for {@code masters} masters: all the
   * others.
   */
  public final List<BareMetalHost> minions(int masters) {
    var chosen = new HashSet<>(masters(masters));
    return hosts().stream().filter(host -> !chosen.contains(host)).toList();
  }

  /** Whether any host names its role; then the roles, not the cluster's master count, decide. */
  public final boolean hasRoles() {
    return hosts().stream().anyMatch(host -> host.role().isPresent());
  }

  /** The SSH user of this host: its own or the target's. */
  public final String userOf(BareMetalHost host) {
    return host.user().orElse(sshUser());
  }

  /** The SSH port of this host: its own or the target's. */
  public final int portOf(BareMetalHost host) {
    return host.port().orElse(sshPort());
  }

  /** The private key of this host: its own or the target's, if either is given. */
  public final Optional<Path> keyOf(BareMetalHost host) {
    return host.key().or(this::sshKey);
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    if (inventory().isPresent()) {
      return "bareMetal(Inventory.read(\"" + inventory().get() + "\"))";
    }
    var out =
        new StringBuilder("bareMetal(\"").append(addresses().replace(", ", "\", \"")).append("\")");
    if (!sshUser().equals(DEFAULT_SSH_USER)) {
      out.append(".sshUser(\"").append(sshUser()).append("\")");
    }
    if (sshPort() != DEFAULT_SSH_PORT) {
      out.append(".sshPort(").append(sshPort()).append(')');
    }
    bastion()
        .ifPresent(bastion -> out.append(".bastion(\"").append(bastion.describe()).append("\")"));
    if (downloads()) {
      out.append(mirror().map(url -> ".fromMirror(\"" + url + "\")").orElse(".fromInternet()"));
    }
    return out.toString();
  }

  private String addresses() {
    return hosts().stream().map(BareMetalHost::address).collect(Collectors.joining(", "));
  }

  @Value.Check
  protected void check() {
    if (hosts().isEmpty()) {
      throw new InvalidInputException("hosts", "none", "at least one host name or IP address");
    }
    var seen = new HashSet<String>();
    for (var host : hosts()) {
      var endpoint = host.address() + ":" + portOf(host);
      if (!seen.add(endpoint)) {
        throw new InvalidInputException(
            "hosts", addresses(), "hosts given once each (" + endpoint + " appears twice)");
      }
    }
    if (hasRoles() && masters(0).isEmpty()) {
      throw new InvalidInputException(
          "hosts",
          hosts().stream()
              .map(
                  host ->
                      host.address()
                          + " ("
                          + host.role().map(BareMetalHost.Role::label).orElse("minion")
                          + ")")
              .collect(Collectors.joining(", ")),
          "at least one host with role master");
    }
    BareMetalChecks.hourlyCost("hourlyCost", hourlyCost());
  }
}
