package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterOptions;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.Json;
import io.cncfdemo.cli.common.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cncfdemo get KIND [NAME...]}: kubectl's get — the server's table (columns as kubectl
 * prints them), or the objects as {@code -o yaml} / {@code -o json} exactly as kubectl prints them.
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Lists objects of a kind, or shows named ones, as kubectl get does.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo get pods -n cncfdemo",
      "  cncfdemo get deployment countly-api -n cncfdemo -o yaml",
      "  cncfdemo get nodes -o wide",
      "  cncfdemo get configmaps -A"
    })
public final class GetCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      index = "0",
      paramLabel = "KIND[/NAME]",
      description = "The kind: pods, po, deployment, deployments.apps, ...")
  String kind;

  @Parameters(
      index = "1..*",
      paramLabel = "NAME",
      description = "Names of objects to show (default: all).")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json|wide|name",
      description = "The output format (default: a table).")
  String output;

  @Option(
      names = {"-n", "--namespace"},
      description = "The namespace (default: the context's).")
  String namespace;

  @Option(
      names = {"-l", "--selector"},
      description = "A label selector, e.g. app=web.")
  String selector;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Objects of every namespace.")
  boolean allNamespaces;

  @Mixin ClusterOptions clusterOptions;

  public GetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (output != null && !List.of("yaml", "json", "wide", "name").contains(output)) {
      throw new UsageException(
          "unable to match a printer suitable for the output format \""
              + output
              + "\", allowed formats are: json,name,wide,yaml");
    }
    var typed = kind;
    var wanted = new ArrayList<>(names);
    if (typed.contains("/")) {
      wanted.add(0, typed.substring(typed.indexOf('/') + 1));
      typed = typed.substring(0, typed.indexOf('/'));
    }
    try (var cluster = clusterOptions.connect(context.environment())) {
      var client = cluster.client();
      var resource = new ApiResources(client).resolve(typed);
      var inNamespace =
          allNamespaces
              ? null
              : namespace != null
                  ? namespace
                  : client.getNamespace() == null ? "default" : client.getNamespace();
      var objects = new ArrayList<JsonNode>();
      var tables = new ArrayList<JsonNode>();
      boolean table = output == null || output.equals("wide");
      var accept = table ? RawApi.TABLE : RawApi.JSON;
      if (wanted.isEmpty()) {
        var query =
            selector == null
                ? ""
                : "?labelSelector="
                    + java.net.URLEncoder.encode(selector, java.nio.charset.StandardCharsets.UTF_8);
        var answer = RawApi.get(client, resource.path(inNamespace) + query, accept);
        (table ? tables : objects).add(answer);
      } else {
        for (var name : wanted) {
          var answer = RawApi.get(client, resource.path(inNamespace) + "/" + name, accept);
          (table ? tables : objects).add(answer);
        }
      }
      if (table) {
        printTable(tables, resource, inNamespace);
      } else {
        printObjects(objects, resource, wanted.size() == 1);
      }
    }
    return ExitCodes.OK;
  }

  private void printTable(List<JsonNode> answers, ApiResource resource, String inNamespace) {
    var merged = answers.get(0).deepCopy();
    var rows = ((ObjectNode) merged).putArray("rows");
    answers.forEach(answer -> answer.path("rows").forEach(rows::add));
    if (rows.isEmpty()) {
      context
          .console()
          .errLine(
              resource.namespaced() && inNamespace != null
                  ? "No resources found in " + inNamespace + " namespace."
                  : "No resources found");
      return;
    }
    context
        .console()
        .print(
            TablePrinter.print(
                merged, "wide".equals(output), allNamespaces && resource.namespaced()));
  }

  private void printObjects(List<JsonNode> answers, ApiResource resource, boolean single) {
    var items = new ArrayList<JsonNode>();
    for (var answer : answers) {
      if (answer.has("items")) {
        for (var item : answer.get("items")) {
          var object = (ObjectNode) item;
          object.put("apiVersion", resource.apiVersion());
          object.put("kind", resource.kind());
          items.add(ApiObjects.withoutManagedFields(object));
        }
      } else {
        items.add(ApiObjects.withoutManagedFields(answer));
      }
    }
    if (output.equals("name")) {
      items.forEach(
          item ->
              context
                  .console()
                  .line(
                      ResourceNames.kindAndGroup(resource.kind(), resource.apiVersion())
                          + "/"
                          + item.path("metadata").path("name").asString()));
      return;
    }
    JsonNode printed;
    if (single) {
      printed = items.get(0);
    } else {
      var list = Json.mapper().createObjectNode();
      list.put("apiVersion", "v1");
      list.putArray("items").addAll(items);
      list.put("kind", "List");
      list.putObject("metadata").put("resourceVersion", "");
      printed = list;
    }
    context
        .console()
        .print(output.equals("yaml") ? GoYaml.write(printed) : GoJson.writeSorted(printed));
  }
}
