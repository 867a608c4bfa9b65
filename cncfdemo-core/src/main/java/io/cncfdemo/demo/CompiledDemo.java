package io.cncfdemo.demo;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.component.Stage;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A demo compiled to fabric8 objects, grouped by {@link Stage} in apply order: what {@code
 * Demo...compile()} returns. Render it with {@link #toYaml()} or {@link #writeTo(Path)}.
 */
public final class CompiledDemo {
  private final String namespace;
  private final List<StageObjects> stages;

  public CompiledDemo(String namespace, List<StageObjects> stages) {
    this.namespace = namespace;
    this.stages = List.copyOf(stages);
  }

  /** The demo's namespace. */
  public String namespace() {
    return namespace;
  }

  /** The non-empty stages in apply order. */
  public List<StageObjects> stages() {
    return stages;
  }

  /** The objects of one stage, empty when the stage has none. */
  public List<HasMetadata> stage(Stage stage) {
    return stages.stream()
        .filter(s -> s.stage() == stage)
        .findFirst()
        .map(StageObjects::objects)
        .orElse(List.of());
  }

  /** Every object in apply order. */
  public List<HasMetadata> objects() {
    var all = new ArrayList<HasMetadata>();
    stages.forEach(stage -> all.addAll(stage.objects()));
    return all;
  }

  /** The object of this kind and name, if the demo has one. */
  public <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
    return objects().stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .filter(object -> name.equals(object.getMetadata().getName()))
        .findFirst();
  }

  /** Every object as one multi-document YAML stream that {@code kubectl apply -f} accepts. */
  public String toYaml() {
    return Yaml.documents(objects());
  }

  /**
   * Writes one file per non-empty stage into {@code directory} (created if missing), named so that
   * they sort in apply order ({@code 01-foundation.yaml}, {@code 02-monitoring.yaml}, ...); {@code
   * kubectl apply -f directory} applies them in that order. Returns the files written.
   */
  @CanIgnoreReturnValue
  public List<Path> writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      var written = new ArrayList<Path>();
      for (var stage : stages) {
        var file = directory.resolve(stage.stage().fileName());
        Files.writeString(file, Yaml.documents(stage.objects()));
        written.add(file);
      }
      return written;
    } catch (IOException e) {
      throw new CncfDemoException(
          "could not write the demo's YAML to " + directory + ": " + e.getMessage(), e);
    }
  }
}
