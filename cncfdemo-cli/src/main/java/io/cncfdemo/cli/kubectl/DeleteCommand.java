package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterOptions;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncfdemo delete -f FILE|DIR} or {@code delete KIND NAME...}: kubectl's delete, waiting
 * until the objects are gone.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description =
        "Deletes the objects of manifests (templates rendered), or named objects of a kind, as"
            + " kubectl delete does.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo delete -f manifests/ --set replicas=3",
      "  cncfdemo delete configmap app-config -n cncfdemo",
      "  cncfdemo delete deployment/web --ignore-not-found"
    })
public final class DeleteCommand implements Callable<Integer> {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);
  private final CliContext context;

  @Parameters(paramLabel = "KIND NAME...", description = "A kind and names, or KIND/NAME.")
  List<String> arguments = new ArrayList<>();

  @Mixin ManifestOptions manifests;

  @Option(
      names = {"-n", "--namespace"},
      description = "The namespace (default: the context's).")
  String namespace;

  @Option(
      names = "--ignore-not-found",
      description = "Say nothing about objects that do not exist.")
  boolean ignoreNotFound;

  @Option(
      names = "--wait",
      defaultValue = "true",
      arity = "0..1",
      fallbackValue = "true",
      description = "Wait until the objects are gone (default: ${DEFAULT-VALUE}).")
  boolean await;

  @Mixin ClusterOptions clusterOptions;

  public DeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (manifests.given() == !arguments.isEmpty()) {
      throw new UsageException(
          "give either -f FILE|DIR or KIND NAME..., not "
              + (manifests.given() ? "both" : "neither"));
    }
    var texts = manifests.given() ? manifests.read() : List.<ManifestOptions.Manifest>of();
    var failures = new ArrayList<String>();
    try (var cluster = clusterOptions.connect(context.environment())) {
      var client = cluster.client();
      var resources = new ApiResources(client);
      var defaultNamespace =
          namespace != null
              ? namespace
              : client.getNamespace() == null ? "default" : client.getNamespace();
      var targets = new ArrayList<Target>();
      if (manifests.given()) {
        for (var object : ManifestObjects.parse(client, resources, texts, defaultNamespace)) {
          targets.add(
              new Target(
                  resources.ofKind(object.getApiVersion(), object.getKind()),
                  object.getMetadata().getNamespace(),
                  object.getMetadata().getName()));
        }
      } else {
        targets.addAll(named(resources, defaultNamespace));
      }
      for (var target : targets) {
        if (delete(client, target)) {
          context
              .console()
              .line(
                  ResourceNames.kindAndGroup(
                          target.resource().kind(), target.resource().apiVersion())
                      + " \""
                      + target.name()
                      + "\" deleted");
        } else if (!ignoreNotFound) {
          failures.add(KubectlServerError.notFound(target.resource(), target.name()).getMessage());
        }
      }
      if (await) {
        targets.forEach(target -> awaitGone(client, target));
      }
    }
    failures.forEach(context.console()::errLine);
    return failures.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private List<Target> named(ApiResources resources, String inNamespace) {
    var first = arguments.get(0);
    var targets = new ArrayList<Target>();
    if (first.contains("/")) {
      for (var argument : arguments) {
        var slash = argument.indexOf('/');
        if (slash < 0) {
          throw new UsageException(
              "there is no need to specify a resource type as a separate argument when passing "
                  + "arguments in resource/name form (e.g. 'cncfdemo delete "
                  + first
                  + "' instead of 'cncfdemo delete "
                  + String.join(" ", arguments)
                  + "')");
        }
        var resource = resources.resolve(argument.substring(0, slash));
        targets.add(
            new Target(
                resource,
                resource.namespaced() ? inNamespace : null,
                argument.substring(slash + 1)));
      }
      return targets;
    }
    if (arguments.size() < 2) {
      throw new UsageException("resource(s) were provided, but no name was specified");
    }
    var resource = resources.resolve(first.toLowerCase(Locale.ROOT));
    for (var name : arguments.subList(1, arguments.size())) {
      targets.add(new Target(resource, resource.namespaced() ? inNamespace : null, name));
    }
    return targets;
  }

  private static boolean delete(KubernetesClient client, Target target) {
    return !target.in(client).delete().isEmpty();
  }

  private static void awaitGone(KubernetesClient client, Target target) {
    var named = target.in(client);
    try {
      Poll.with(Backoff.fixed(POLL).deadline(WAIT))
          .until("the deletion of " + target.name(), () -> named.get() == null);
    } catch (WaitTimeoutException e) {
      // as before: after WAIT the command ends without waiting longer; the object is on its way out
    }
  }

  /** One object to delete. */
  private record Target(ApiResource resource, String namespace, String name) {
    Resource<GenericKubernetesResource> in(KubernetesClient client) {
      var operation = client.genericKubernetesResources(resource.apiVersion(), resource.kind());
      return namespace == null
          ? operation.withName(name)
          : operation.inNamespace(namespace).withName(name);
    }
  }
}
