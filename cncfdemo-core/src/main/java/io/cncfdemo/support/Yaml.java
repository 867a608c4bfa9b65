package io.cncfdemo.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import java.util.Collection;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one serializer of Kubernetes objects: fabric8's {@link KubernetesSerialization}, for YAML and
 * JSON; YAML with quotes only where a plain scalar would change type (as kubectl writes it).
 */
public final class Yaml {
  private static final KubernetesSerialization SERIALIZATION =
      new KubernetesSerialization(
          JsonMapper.builder().build(),
          true,
          new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

  private static final int PARALLEL_FROM = 16;

  private Yaml() {}

  /**
   * fabric8's serialization, set up as this class writes YAML: for JSON, or to read objects back.
   */
  public static KubernetesSerialization serialization() {
    return SERIALIZATION;
  }

  /**
   * One object (a Kubernetes object, or maps and lists) as a YAML document without a leading {@code
   * ---}.
   */
  public static String document(Object object) {
    var yaml =
        YamlEvents.yaml(SERIALIZATION.asJson(object)).orElseGet(() -> SERIALIZATION.asYaml(object));
    return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
  }

  /**
   * Objects as one multi-document YAML stream that {@code kubectl apply -f} accepts, in their
   * order. Many objects are rendered on several cores; each document is independent of the others.
   */
  public static String documents(Collection<? extends HasMetadata> objects) {
    var stream = objects.size() >= PARALLEL_FROM ? objects.parallelStream() : objects.stream();
    return stream.map(object -> "---\n" + document(object)).collect(Collectors.joining());
  }
}
