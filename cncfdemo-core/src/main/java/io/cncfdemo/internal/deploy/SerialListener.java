package io.cncfdemo.internal.deploy;

import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.DeployListener;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to a user's listener one at a time, and logs them; a listener that throws does not
 * stop the deploy.
 */
final class SerialListener implements DeployListener {
  private static final Logger LOG = LoggerFactory.getLogger(SerialListener.class);
  private final DeployListener delegate;

  SerialListener(DeployListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized void stageStarted(Stage stage, List<ObjectRef> objects) {
    LOG.info("stage {}: {} objects", stage.label(), objects.size());
    safely(() -> delegate.stageStarted(stage, objects));
  }

  @Override
  public synchronized void objectApplied(ObjectChange change) {
    LOG.debug("{}", change);
    safely(() -> delegate.objectApplied(change));
  }

  @Override
  public synchronized void waiting(ObjectRef object, String reason) {
    LOG.debug("waiting for {}: {}", object, reason);
    safely(() -> delegate.waiting(object, reason));
  }

  @Override
  public synchronized void objectReady(ObjectRef object) {
    safely(() -> delegate.objectReady(object));
  }

  @Override
  public synchronized void stageReady(Stage stage, Duration elapsed) {
    LOG.info("stage {} ready in {} ms", stage.label(), elapsed.toMillis());
    safely(() -> delegate.stageReady(stage, elapsed));
  }

  @Override
  public synchronized void objectDeleted(ObjectRef object) {
    LOG.debug("deleted {}", object);
    safely(() -> delegate.objectDeleted(object));
  }

  @Override
  public synchronized void done(List<ObjectChange> changes, Duration elapsed) {
    LOG.info(
        "done in {} ms: {} of {} objects changed",
        elapsed.toMillis(),
        changes.stream().filter(c -> c.change().isChange()).count(),
        changes.size());
    safely(() -> delegate.done(changes, elapsed));
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a deploy listener failed: {}", e.toString());
    }
  }
}
