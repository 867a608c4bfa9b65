package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.CliContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Sends an object that {@code create} built (unless it is a client dry run) and prints it as
 * kubectl does: {@code configmap/NAME created}, {@code ... (dry run)}, {@code ... (server dry
 * run)}, or as yaml, json or name.
 */
final class CreatedObjects {
  private CreatedObjects() {}

  /**
   * @param object the object to create
   * @param goTree the object as kubectl's Go struct prints it
   */
  static void create(
      CliContext context, CreateOptions options, HasMetadata object, JsonNode goTree) {
    var namespace = options.namespace;
    var clusterOptions = options.clusterOptions;
    var dryRun = options.dryRun();
    var output = options.output();
    if (!dryRun.equals("client")) {
      try (var cluster = clusterOptions.connect(context.environment())) {
        var client = cluster.client();
        var inNamespace = namespace != null ? namespace : client.getNamespace();
        var resource =
            client.resource(object).inNamespace(inNamespace == null ? "default" : inNamespace);
        var created = dryRun.equals("server") ? resource.dryRun().create() : resource.create();
        if (output != null && !output.equals("name")) {
          print(context, output, ApiObjects.withoutManagedFields(ApiObjects.tree(created)), true);
          return;
        }
      }
    } else if (output != null && !output.equals("name")) {
      print(context, output, goTree, false);
      return;
    }
    var name = ResourceNames.of(object);
    if (output != null) {
      context.console().line(name);
      return;
    }
    var suffix =
        switch (dryRun) {
          case "client" -> " (dry run)";
          case "server" -> " (server dry run)";
          default -> "";
        };
    context.console().line(name + " created" + suffix);
  }

  private static void print(CliContext context, String output, JsonNode tree, boolean fromServer) {
    if (output.equals("yaml")) {
      context.console().print(GoYaml.write(tree));
    } else {
      context.console().print(fromServer ? GoJson.writeSorted(tree) : GoJson.write(tree));
    }
  }
}
