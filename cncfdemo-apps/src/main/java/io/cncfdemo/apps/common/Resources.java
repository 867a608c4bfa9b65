package io.cncfdemo.apps.common;

import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * CPU and memory of one container: what the scheduler reserves ({@code requests}) and the most it may use
 * ({@code limits}). Written as Kubernetes writes them:
 * {@code Resources.requests("250m", "512Mi").limits("1", "1Gi")}.
 *
 * @param cpuRequest CPU reserved, e.g. {@code 250m}
 * @param memoryRequest memory reserved, e.g. {@code 512Mi}
 * @param cpuLimit CPU at most, e.g. {@code 1}
 * @param memoryLimit memory at most, e.g. {@code 1Gi}; the container is killed above it
 */
public record Resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
  static final Pattern CPU = Pattern.compile("[1-9][0-9]*m|[0-9]+(\\.[0-9]{1,3})?");
  static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*(Ki|Mi|Gi|Ti|k|M|G|T)?");
  static final String CPU_RULE = "a CPU quantity such as 250m, 0.5 or 2";
  static final String MEMORY_RULE = "a memory quantity such as 256Mi or 2Gi";

  public Resources {
    cpu("cpuRequest", cpuRequest);
    memory("memoryRequest", memoryRequest);
    cpu("cpuLimit", cpuLimit);
    memory("memoryLimit", memoryLimit);
    notAbove("cpuRequest", cpuRequest, "cpuLimit", cpuLimit);
    notAbove("memoryRequest", memoryRequest, "memoryLimit", memoryLimit);
  }

  /** The first half of {@code Resources.requests("250m", "512Mi").limits("1", "1Gi")}. */
  public static Requests requests(String cpu, String memory) {
    return new Requests(cpu, memory);
  }

  /** The same CPU and memory requests, with these limits. */
  public Resources limits(String cpu, String memory) {
    return new Resources(cpuRequest, memoryRequest, cpu, memory);
  }

  /** The memory limit in MiB, rounded down. */
  public long memoryLimitMiB() {
    return new Quantity(memoryLimit).getNumericalAmount()
        .divide(BigDecimal.valueOf(1024L * 1024L), java.math.RoundingMode.DOWN).longValue();
  }

  /** As the fabric8 model writes it into a container. */
  public ResourceRequirements toRequirements() {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(cpuRequest))
        .addToRequests("memory", new Quantity(memoryRequest))
        .addToLimits("cpu", new Quantity(cpuLimit))
        .addToLimits("memory", new Quantity(memoryLimit))
        .build();
  }

  /**
   * CPU and memory requests waiting for their limits.
   *
   * @param cpu CPU reserved
   * @param memory memory reserved
   */
  public record Requests(String cpu, String memory) {
    public Requests {
      Resources.cpu("cpuRequest", cpu);
      Resources.memory("memoryRequest", memory);
    }

    /** The requests with these limits. */
    public Resources limits(String cpuLimit, String memoryLimit) {
      return new Resources(cpu, memory, cpuLimit, memoryLimit);
    }
  }

  /** A quantity of CPU; throws {@link InvalidInputException} naming {@code field} otherwise. */
  public static String cpu(String field, String value) {
    if (value == null || !CPU.matcher(value).matches() || new Quantity(value).getNumericalAmount().signum() == 0) {
      throw new InvalidInputException(field, value, CPU_RULE);
    }
    return value;
  }

  /** A quantity of memory or storage; throws {@link InvalidInputException} naming {@code field} otherwise. */
  public static String memory(String field, String value) {
    if (value == null || !MEMORY.matcher(value).matches()) {
      throw new InvalidInputException(field, value, MEMORY_RULE);
    }
    return value;
  }

  private static void notAbove(String field, String value, String limitField, String limit) {
    if (new Quantity(value).getNumericalAmount().compareTo(new Quantity(limit).getNumericalAmount()) > 0) {
      throw new InvalidInputException(field, value, "at most the " + limitField + " " + limit);
    }
  }
}
