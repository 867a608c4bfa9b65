package io.cncfdemo.internal.deploy;

import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.deploy.Change;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Retry;
import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a deploy would change, without changing it: every object applied as a server-side dry run,
 * its result compared with what the cluster holds now, field by field (metadata the server
 * maintains and status left out).
 */
public final class Differ {
  private static final List<String> SERVER_METADATA =
      List.of(
          "resourceVersion", "managedFields", "generation", "uid", "creationTimestamp", "selfLink");

  private final KubernetesClient client;
  private final Retry retry;

  public Differ(KubernetesClient client, DeployOptions options) {
    this.client = client;
    this.retry = KubernetesClients.retry(options.attempts());
  }

  public List<ObjectChange> diff(CompiledDemo demo) {
    var changes = new ArrayList<ObjectChange>();
    for (var stage : demo.stages()) {
      for (var object : stage.objects()) {
        var ref = ObjectRef.of(object);
        var current = retry.call("read " + ref, () -> client.resource(object).get());
        if (current == null) {
          changes.add(new ObjectChange(ref, stage.stage(), Change.CREATED));
          continue;
        }
        if (CreateOnly.applies(object)) {
          changes.add(new ObjectChange(ref, stage.stage(), Change.UNCHANGED));
          continue;
        }
        HasMetadata wouldBe;
        try {
          wouldBe =
              retry.call(
                  "dry-run apply " + ref,
                  () ->
                      client
                          .resource(object)
                          .dryRun()
                          .fieldManager(StagedDeployer.FIELD_MANAGER)
                          .forceConflicts()
                          .serverSideApply());
        } catch (KubernetesClientException e) {
          throw StagedDeployer.refused(ref, e);
        }
        var differences = differences(comparable(current), comparable(wouldBe));
        changes.add(
            new ObjectChange(
                ref,
                stage.stage(),
                differences.isEmpty() ? Change.UNCHANGED : Change.CONFIGURED,
                differences));
      }
    }
    return changes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> comparable(HasMetadata object) {
    Map<String, Object> tree = Yaml.serialization().convertValue(object, Map.class);
    tree.remove("status");
    var metadata = (Map<String, Object>) tree.get("metadata");
    if (metadata != null) {
      SERVER_METADATA.forEach(metadata::remove);
    }
    return tree;
  }

  /** The paths whose values differ, as {@code spec.replicas: 2 -> 4}. */
  @SuppressWarnings("unchecked")
  static List<String> differences(Object before, Object after) {
    var out = new ArrayList<String>();
    walk("", before, after, out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void walk(String path, Object before, Object after, List<String> out) {
    if (before instanceof Map && after instanceof Map) {
      var beforeMap = (Map<String, Object>) before;
      var afterMap = (Map<String, Object>) after;
      var keys = new TreeSet<String>();
      keys.addAll(beforeMap.keySet());
      keys.addAll(afterMap.keySet());
      for (var key : keys) {
        walk(path.isEmpty() ? key : path + "." + key, beforeMap.get(key), afterMap.get(key), out);
      }
    } else if (before instanceof List<?> beforeList
        && after instanceof List<?> afterList
        && beforeList.size() == afterList.size()) {
      for (int i = 0; i < beforeList.size(); i++) {
        walk(path + "[" + i + "]", beforeList.get(i), afterList.get(i), out);
      }
    } else if (!Objects.equals(before, after)) {
      out.add(path + ": " + shortly(before) + " -> " + shortly(after));
    }
  }

  private static String shortly(Object value) {
    var text = String.valueOf(value);
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
