package io.cncfdemo.cluster;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns the YAML of an {@link Inventory} into values, checking each setting with the same rules as
 * the DSL and naming its line: {@code hosts[1].port (line 9 of cluster.yaml) must be between 1 and
 * 65535, was 0}.
 */
final class InventoryReader {
  static final Set<String> TOP_KEYS =
      Set.of(
          "user",
          "port",
          "key",
          "knownHosts",
          "bastion",
          "hourlyCost",
          "downloads",
          "mirror",
          "hosts");
  static final Set<String> HOST_KEYS =
      Set.of("address", "port", "user", "key", "role", "labels", "hostKey", "hostname");
  static final Set<String> BASTION_KEYS = Set.of("address", "port", "user", "key", "hostKey");

  private final Path file;

  InventoryReader(Path file) {
    this.file = file;
  }

  Inventory read(String text) {
    Node root;
    try {
      root =
          new Compose(LoadSettings.builder().setLabel(file.toString()).build())
              .composeString(text)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "inventory",
                          file,
                          "an inventory with a list of hosts (the file is empty)"));
    } catch (MarkedYamlEngineException e) {
      var line =
          e.getProblemMark()
              .map(mark -> ", line " + (mark.getLine() + 1) + " column " + (mark.getColumn() + 1))
              .orElse("");
      throw new InvalidInputException(
          "inventory", file, "valid YAML (" + e.getProblem() + line + ")");
    } catch (YamlEngineException e) {
      throw new InvalidInputException("inventory", file, "valid YAML (" + e.getMessage() + ")");
    }
    var top = mapping("inventory", root, TOP_KEYS);
    var builder = Inventory.builder().source(file);
    if (!top.containsKey("hosts")) {
      throw fail(
          "hosts",
          root,
          null,
          "a list of hosts, each an address or a mapping with address, port, user, key,"
              + " role, labels, hostKey, hostname");
    }
    var hosts = top.get("hosts");
    if (!(hosts instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      throw fail("hosts", hosts, scalarOrNull(hosts), "a list of at least one host");
    }
    for (int i = 0; i < sequence.getValue().size(); i++) {
      builder.addHosts(host("hosts[" + i + "]", sequence.getValue().get(i), HOST_KEYS));
    }
    setting(
        top,
        "user",
        node ->
            builder.user(check("user", node, (String value) -> Check.posixUser("user", value))));
    setting(top, "port", node -> builder.port(port("port", node)));
    setting(top, "key", node -> builder.key(file("key", node, "a private key file")));
    setting(
        top,
        "knownHosts",
        node -> builder.knownHosts(file("knownHosts", node, "a known_hosts file")));
    setting(
        top,
        "bastion",
        node ->
            builder.bastion(
                node instanceof ScalarNode scalar
                    ? check("bastion", node, value -> BareMetalHost.parse("bastion", value))
                    : host("bastion", node, BASTION_KEYS)));
    setting(top, "hourlyCost", node -> builder.hourlyCost(decimal("hourlyCost", node)));
    setting(
        top,
        "downloads",
        node -> builder.downloads(check("downloads", node, (String value) -> bool(value))));
    setting(
        top,
        "mirror",
        node ->
            builder.mirror(
                check(
                    "mirror",
                    node,
                    (String value) ->
                        BareMetalTarget.of(List.of("x"))
                            .fromMirror(value)
                            .mirror()
                            .orElseThrow())));
    try {
      var inventory = builder.build();
      var unused =
          BareMetalTarget.of(inventory); // checks the hosts together, as bareMetal(inventory) will
      return inventory;
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.field() + " (" + file + ")", e.value(), e.allowed());
    }
  }

  private BareMetalHost host(String field, Node node, Set<String> keys) {
    if (node instanceof ScalarNode) {
      return check(field + ".address", node, BareMetalHost::of);
    }
    var settings = mapping(field, node, keys);
    if (!settings.containsKey("address")) {
      throw fail(
          field + ".address",
          node,
          null,
          "a host name or an IP address such as node1.example.com or 192.0.2.10");
    }
    var host =
        new BareMetalHost[] {check(field + ".address", settings.get("address"), BareMetalHost::of)};
    setting(settings, "port", value -> host[0] = host[0].port(port(field + ".port", value)));
    setting(settings, "user", value -> host[0] = check(field + ".user", value, host[0]::user));
    setting(
        settings,
        "key",
        value -> host[0] = host[0].key(file(field + ".key", value, "a private key file")));
    setting(
        settings,
        "role",
        value -> host[0] = host[0].role(check(field + ".role", value, InventoryReader::role)));
    setting(
        settings, "hostKey", value -> host[0] = check(field + ".hostKey", value, host[0]::hostKey));
    setting(
        settings,
        "hostname",
        value -> host[0] = check(field + ".hostname", value, host[0]::hostname));
    setting(
        settings,
        "labels",
        value -> {
          for (var entry : mapping(field + ".labels", value, null).entrySet()) {
            var label = field + ".labels." + entry.getKey();
            host[0] = check(label, entry.getValue(), text -> host[0].label(entry.getKey(), text));
          }
        });
    return host[0];
  }

  private static boolean bool(String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new InvalidInputException("downloads", value, "true or false");
  }

  private static BareMetalHost.Role role(String value) {
    for (var role : BareMetalHost.Role.values()) {
      if (role.label().equals(value)) {
        return role;
      }
    }
    throw new InvalidInputException("role", value, "master or minion");
  }

  /** The keys of a mapping node in file order; with {@code allowed}, any other key is an error. */
  private Map<String, Node> mapping(String field, Node node, Set<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      throw fail(field, node, scalarOrNull(node), "a mapping of settings");
    }
    var settings = new LinkedHashMap<String, Node>();
    for (var tuple : mapping.getValue()) {
      var key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
      if (key == null || (allowed != null && !allowed.contains(key))) {
        throw fail(
            field.equals("inventory") ? "setting" : field + " setting",
            tuple.getKeyNode(),
            key,
            "one of " + String.join(", ", sorted(allowed)));
      }
      if (settings.put(key, tuple.getValueNode()) != null) {
        throw fail(
            field.equals("inventory") ? key : field + "." + key,
            tuple.getKeyNode(),
            key,
            "given once");
      }
    }
    return settings;
  }

  private static void setting(
      Map<String, Node> settings, String key, java.util.function.Consumer<Node> apply) {
    var node = settings.get(key);
    if (node != null) {
      apply.accept(node);
    }
  }

  /** Applies a DSL check to a scalar, so that its message gains the line. */
  private <T> T check(String field, Node node, Function<String, T> check) {
    if (!(node instanceof ScalarNode scalar)) {
      throw fail(field, node, null, "a single value, not a list or mapping");
    }
    try {
      return check.apply(scalar.getValue());
    } catch (InvalidInputException e) {
      throw fail(field, node, scalar.getValue(), e.allowed());
    }
  }

  private int port(String field, Node node) {
    var text = node instanceof ScalarNode scalar ? scalar.getValue() : null;
    if (text == null || !node.getTag().equals(Tag.INT)) {
      throw fail(field, node, text, "between 1 and 65535");
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw fail(field, node, text, "between 1 and 65535");
    }
    try {
      return Check.between(field, value, 1, 65535);
    } catch (InvalidInputException e) {
      throw fail(field, node, value, e.allowed());
    }
  }

  private BigDecimal decimal(String field, Node node) {
    var text = node instanceof ScalarNode scalar ? scalar.getValue() : null;
    if (text == null || !(node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT))) {
      throw fail(field, node, text, BareMetalChecks.HOURLY_COST_RULE);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw fail(field, node, text, BareMetalChecks.HOURLY_COST_RULE);
    }
    try {
      return BareMetalChecks.hourlyCost(field, value);
    } catch (InvalidInputException e) {
      throw fail(field, node, value, e.allowed());
    }
  }

  /**
   * A file named in the inventory: {@code ~} is the home directory, relative paths start at the
   * inventory's directory.
   */
  private Path file(String field, Node node, String what) {
    var text = check(field, node, value -> value);
    var path =
        text.equals("~") || text.startsWith("~/")
            ? Path.of(System.getProperty("user.home"))
                .resolve(text.substring(Math.min(2, text.length())))
            : file.toAbsolutePath().getParent().resolve(text);
    try {
      return BareMetalChecks.readableFile(field, path.normalize(), what);
    } catch (InvalidInputException e) {
      throw fail(field, node, path.normalize(), e.allowed());
    }
  }

  private InvalidInputException fail(String field, Node node, Object value, String allowed) {
    var line =
        node == null
            ? ""
            : node.getStartMark().map(mark -> "line " + (mark.getLine() + 1) + " of ").orElse("");
    return new InvalidInputException(field + " (" + line + file + ")", value, allowed);
  }

  private static String scalarOrNull(Node node) {
    return node instanceof ScalarNode scalar ? scalar.getValue() : null;
  }

  private static List<String> sorted(Set<String> keys) {
    var list = new ArrayList<>(keys);
    list.sort(String.CASE_INSENSITIVE_ORDER);
    return list;
  }
}
