package io.cncfdemo.cli.demo;

import io.cncfdemo.cli.progress.Progress;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.DeployListener;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns the deployer's events into progress: a phase per stage, a bar of applied objects, a note
 * per ready object.
 */
final class DeployProgress implements DeployListener {
  private final Progress progress;
  private int applied;
  private int total;

  DeployProgress(Progress progress) {
    this.progress = progress;
  }

  @Override
  public void stageStarted(Stage stage, List<ObjectRef> objects) {
    applied = 0;
    total = objects.size();
    progress.phase("stage " + stage.label() + ": " + total + " object" + (total == 1 ? "" : "s"));
  }

  @Override
  public void objectApplied(ObjectChange change) {
    applied++;
    progress.advance(
        applied,
        total,
        describe(change.object()) + " " + change.change().name().toLowerCase(Locale.ROOT));
  }

  @Override
  public void waiting(ObjectRef object, String reason) {
    progress.advance(applied, total, "waiting for " + describe(object) + ": " + reason);
  }

  @Override
  public void objectReady(ObjectRef object) {
    progress.note("ready: " + describe(object));
  }

  @Override
  public void stageReady(Stage stage, Duration elapsed) {
    progress.note("stage " + stage.label() + " ready");
  }

  private static String describe(ObjectRef object) {
    return object.kind() + " " + object.name();
  }
}
