package io.cncfdemo.deploy;

import io.cncfdemo.component.Stage;
import java.util.List;

/**
 * What happened, or would happen, to one object of a demo.
 *
 * @param object the object
 * @param stage the stage it belongs to
 * @param change created, configured, unchanged or deleted
 * @param differences for a diff of a configured object, the fields that differ, as {@code
 *     spec.replicas: 2 -> 4}
 */
public record ObjectChange(ObjectRef object, Stage stage, Change change, List<String> differences) {
  public ObjectChange {
    differences = List.copyOf(differences);
  }

  public ObjectChange(ObjectRef object, Stage stage, Change change) {
    this(object, stage, change, List.of());
  }

  @Override
  public String toString() {
    return object
        + " "
        + change.name().toLowerCase(java.util.Locale.ROOT)
        + (differences.isEmpty() ? "" : " " + differences);
  }
}
