package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterOptions;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.HashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cncfdemo apply -f FILE|DIR}: kubectl's apply, client-side (with the
 * last-applied-configuration annotation) or {@code --server-side}, for manifests and Jinja
 * templates; prints {@code configmap/foo created}, {@code configured}, {@code unchanged} or {@code
 * serverside-applied} per object.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description =
        "Applies manifests and Jinja templates (*.j2, *.jinja) to the cluster, as kubectl apply"
            + " does.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo apply -f deployment.yaml",
      "  cncfdemo apply -f manifests/ --set replicas=3 --values values.yaml",
      "  cncfdemo apply -f manifests/ --server-side"
    })
public final class ApplyCommand implements Callable<Integer> {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private final CliContext context;

  @Mixin ManifestOptions manifests;

  @Mixin ClusterOptions clusterOptions;

  @Option(
      names = {"-n", "--namespace"},
      description = "The namespace of objects that name none (default: the context's).")
  String namespace;

  @Option(
      names = "--server-side",
      description = "Apply on the server (server-side apply) instead of in the client.")
  boolean serverSide;

  @Option(
      names = "--force-conflicts",
      description = "With --server-side: take over fields other managers own.")
  boolean forceConflicts;

  @Option(
      names = "--field-manager",
      defaultValue = "cncfdemo",
      description = "The field manager of --server-side (default: ${DEFAULT-VALUE}).")
  String fieldManager;

  public ApplyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var texts = manifests.read();
    try (var cluster = clusterOptions.connect(context.environment())) {
      var client = cluster.client();
      var defaultNamespace =
          namespace != null
              ? namespace
              : client.getNamespace() == null ? "default" : client.getNamespace();
      var objects =
          ManifestObjects.parse(client, new ApiResources(client), texts, defaultNamespace);
      for (var object : objects) {
        var outcome = serverSide ? serverSide(client, object) : clientSide(client, object);
        context.console().line(ResourceNames.of(object) + " " + outcome);
      }
    }
    return ExitCodes.OK;
  }

  private String serverSide(KubernetesClient client, HasMetadata object) {
    var resource = client.resource(object).fieldManager(fieldManager);
    (forceConflicts ? resource.forceConflicts() : resource).serverSideApply();
    return "serverside-applied";
  }

  private String clientSide(KubernetesClient client, HasMetadata object) {
    var annotations =
        object.getMetadata().getAnnotations() == null
            ? new HashMap<String, String>()
            : new HashMap<>(object.getMetadata().getAnnotations());
    annotations.remove(LAST_APPLIED);
    object.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
    var lastApplied = Json.kubernetes().asJson(object) + "\n";
    annotations.put(LAST_APPLIED, lastApplied);
    object.getMetadata().setAnnotations(annotations);
    var current = client.resource(object).get();
    if (current == null) {
      client.resource(object).create();
      return "created";
    }
    var currentTree = Json.tree(current);
    var originalText =
        current.getMetadata().getAnnotations() == null
            ? null
            : current.getMetadata().getAnnotations().get(LAST_APPLIED);
    var original = originalText == null ? null : Json.read(originalText);
    var patch = ThreeWayMerge.patch(original, Json.tree(object), currentTree);
    if (patch.isEmpty()) {
      return "unchanged";
    }
    client
        .resource(current)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Json.mapper().writeValueAsString(patch));
    return "configured";
  }
}
