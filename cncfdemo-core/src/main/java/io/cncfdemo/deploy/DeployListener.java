package io.cncfdemo.deploy;

import io.cncfdemo.component.Stage;
import java.time.Duration;
import java.util.List;

/**
 * Follows a deploy or a teardown as it happens, e.g. to draw a progress bar or to assert on the
 * order of events in a test. Every method has an empty default; the deployer calls them one at a
 * time (never concurrently), from its own threads.
 */
public interface DeployListener {

  /** A stage begins: its objects are about to be applied (or deleted, in a teardown). */
  default void stageStarted(Stage stage, List<ObjectRef> objects) {}

  /**
   * One object was applied; {@code change} says whether it was created, configured or unchanged.
   */
  default void objectApplied(ObjectChange change) {}

  /**
   * The deployer waits for an object; {@code reason} says what is missing, e.g. {@code 1/3 replicas
   * ready}.
   */
  default void waiting(ObjectRef object, String reason) {}

  /**
   * One object is ready: Deployment available, StatefulSet ready, Job complete, Service with
   * endpoints, ...
   */
  default void objectReady(ObjectRef object) {}

  /** Every object of a stage is ready, {@code elapsed} after the stage started. */
  default void stageReady(Stage stage, Duration elapsed) {}

  /** A teardown removed one object. */
  default void objectDeleted(ObjectRef object) {}

  /** The deploy (or teardown) finished, with what it changed. */
  default void done(List<ObjectChange> changes, Duration elapsed) {}
}
