package io.cncfdemo.demo;

import io.cncfdemo.component.Stage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;

/**
 * The objects of one stage of a compiled demo, in apply order.
 *
 * @param stage the stage
 * @param objects its objects
 */
public record StageObjects(Stage stage, List<HasMetadata> objects) {
  public StageObjects {
    Objects.requireNonNull(stage, "stage");
    objects = List.copyOf(objects);
  }
}
