package io.cncfdemo.apps.common;

import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * CPU, memory and local disk of one container: what the scheduler reserves ({@code requests}) and
 * the most it may use ({@code limits}). Written as Kubernetes writes them: {@code
 * Resources.requests("250m", "512Mi").limits("1", "1Gi")}, with {@link #DEFAULT_EPHEMERAL_REQUEST}
 * and {@link #DEFAULT_EPHEMERAL_LIMIT} of ephemeral storage (logs and writable layer) unless {@link
 * #ephemeralStorage(String, String)} says otherwise.
 *
 * @param cpuRequest CPU reserved, e.g. {@code 250m}
 * @param memoryRequest memory reserved, e.g. {@code 512Mi}
 * @param cpuLimit CPU at most, e.g. {@code 1}
 * @param memoryLimit memory at most, e.g. {@code 1Gi}; the container is killed above it
 * @param ephemeralRequest local disk reserved for logs and the writable layer, e.g. {@code 64Mi}
 * @param ephemeralLimit local disk at most, e.g. {@code 1Gi}; the pod is evicted above it
 */
public record Resources(
    String cpuRequest,
    String memoryRequest,
    String cpuLimit,
    String memoryLimit,
    String ephemeralRequest,
    String ephemeralLimit) {
  public static final String DEFAULT_EPHEMERAL_REQUEST = "64Mi";
  public static final String DEFAULT_EPHEMERAL_LIMIT = "1Gi";
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
    memory("ephemeralRequest", ephemeralRequest);
    memory("ephemeralLimit", ephemeralLimit);
    notAbove("ephemeralRequest", ephemeralRequest, "ephemeralLimit", ephemeralLimit);
  }

  /** CPU and memory with the default ephemeral storage. */
  public Resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
    this(
        cpuRequest,
        memoryRequest,
        cpuLimit,
        memoryLimit,
        DEFAULT_EPHEMERAL_REQUEST,
        DEFAULT_EPHEMERAL_LIMIT);
  }

  /**
   * The same CPU and memory, with this ephemeral storage (logs and writable layer) reserved and at
   * most.
   */
  public Resources ephemeralStorage(String request, String limit) {
    return new Resources(cpuRequest, memoryRequest, cpuLimit, memoryLimit, request, limit);
  }

  /** The first half of {@code Resources.requests("250m", "512Mi").limits("1", "1Gi")}. */
  public static Requests requests(String cpu, String memory) {
    return new Requests(cpu, memory);
  }

  /** The same CPU and memory requests, with these limits. */
  public Resources limits(String cpu, String memory) {
    return new Resources(cpuRequest, memoryRequest, cpu, memory, ephemeralRequest, ephemeralLimit);
  }

  /** The memory limit in MiB, rounded down. */
  public long memoryLimitMiB() {
    return new Quantity(memoryLimit)
        .getNumericalAmount()
        .divide(BigDecimal.valueOf(1024L * 1024L), java.math.RoundingMode.DOWN)
        .longValue();
  }

  /** As the fabric8 model writes it into a container. */
  public ResourceRequirements toRequirements() {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(cpuRequest))
        .addToRequests("memory", new Quantity(memoryRequest))
        .addToLimits("cpu", new Quantity(cpuLimit))
        .addToLimits("memory", new Quantity(memoryLimit))
        .addToRequests("ephemeral-storage", new Quantity(ephemeralRequest))
        .addToLimits("ephemeral-storage", new Quantity(ephemeralLimit))
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
    if (value == null
        || !CPU.matcher(value).matches()
        || new Quantity(value).getNumericalAmount().signum() == 0) {
      throw new InvalidInputException(field, value, CPU_RULE);
    }
    return value;
  }

  /**
   * A quantity of memory or storage; throws {@link InvalidInputException} naming {@code field}
   * otherwise.
   */
  public static String memory(String field, String value) {
    if (value == null || !MEMORY.matcher(value).matches()) {
      throw new InvalidInputException(field, value, MEMORY_RULE);
    }
    return value;
  }

  private static void notAbove(String field, String value, String limitField, String limit) {
    if (new Quantity(value).getNumericalAmount().compareTo(new Quantity(limit).getNumericalAmount())
        > 0) {
      throw new InvalidInputException(field, value, "at most the " + limitField + " " + limit);
    }
  }
}
