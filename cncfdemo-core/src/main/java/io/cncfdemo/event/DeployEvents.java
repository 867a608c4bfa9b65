package io.cncfdemo.event;

import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.DeployListener;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Publishes what a deploy listener hears; a wait is published when its reason changes. */
final class DeployEvents implements DeployListener {
  private final EventStream stream;
  private final Map<String, String> reasons = new HashMap<>();

  DeployEvents(EventStream stream) {
    this.stream = stream;
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  @Override
  public void stageStarted(Stage stage, List<ObjectRef> objects) {
    stream.publish(
        new Payload.StageStarted(stage.name(), objects.stream().map(ObjectRef::toString).toList()));
  }

  @Override
  public void objectApplied(ObjectChange change) {
    stream.publish(
        new Payload.ObjectApplied(
            change.object().toString(), change.stage().name(), change.change().name()));
  }

  @Override
  public void waiting(ObjectRef object, String reason) {
    var name = object.toString();
    synchronized (reasons) {
      if (reason.equals(reasons.put(name, reason))) {
        return;
      }
    }
    stream.publish(new Payload.ObjectWaiting(name, reason));
  }

  @Override
  public void objectReady(ObjectRef object) {
    stream.publish(new Payload.ObjectReady(object.toString()));
  }

  @Override
  public void stageReady(Stage stage, Duration elapsed) {
    stream.publish(new Payload.StageReady(stage.name(), seconds(elapsed)));
  }

  @Override
  public void objectDeleted(ObjectRef object) {
    stream.publish(new Payload.ObjectDeleted(object.toString()));
  }

  @Override
  public void done(List<ObjectChange> changes, Duration elapsed) {
    stream.publish(new Payload.DeployDone(changes.size(), seconds(elapsed)));
  }
}
