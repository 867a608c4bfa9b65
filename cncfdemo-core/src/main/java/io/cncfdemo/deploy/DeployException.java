package io.cncfdemo.deploy;

import io.cncfdemo.exception.CncfDemoException;
import java.util.List;

/**
 * A deploy stopped: a stage did not become ready in time, or a Job failed. The message says which
 * objects are not ready and why (their conditions, the scheduler's reason, the last events of their
 * pods); the cluster is left as it was, for inspection.
 */
public class DeployException extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  private final transient List<ObjectRef> notReady;

  public DeployException(String message, List<ObjectRef> notReady) {
    super(message);
    this.notReady = List.copyOf(notReady);
  }

  /** The objects that were not ready. */
  public List<ObjectRef> notReady() {
    return notReady;
  }
}
