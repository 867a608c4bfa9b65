package io.cncfdemo.deploy;

import java.util.List;

/**
 * A deploy refused before anything was applied: the cluster does not meet the demo's needs. The
 * message lists every {@link Finding}, each with its fix.
 */
public class PreflightException extends DeployException {
  private static final long serialVersionUID = 1L;

  private final transient DeployPlan plan;

  public PreflightException(DeployPlan plan) {
    super(plan.problems(), List.of());
    this.plan = plan;
  }

  /** The plan whose findings stopped the deploy. */
  public DeployPlan plan() {
    return plan;
  }

  /** Every unmet need. */
  public List<Finding> findings() {
    return plan.findings();
  }
}
