package io.cncfdemo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a simulated local cluster — a real control plane with kwok nodes — started
 * before its first test and stopped after its last; test methods and constructors receive it as a
 * {@code RunningCluster} or a {@code KubernetesClient} parameter:
 *
 * <pre>{@code
 * @LocalCluster(minions = 3)
 * class MyOperatorIT {
 *   @Test
 *   void reconciles(KubernetesClient client) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalClusterExtension.class)
public @interface LocalCluster {

  /** Worker nodes. */
  int minions() default 3;

  /** Control-plane nodes (tainted, so ordinary pods do not land on them). */
  int masters() default 1;

  /** The cluster's name: an RFC 1123 label. */
  String name() default "test";

  /** CPU of each simulated node, e.g. {@code 4} or {@code 3500m}. */
  String nodeCpu() default "4";

  /** Memory of each simulated node, e.g. {@code 16Gi}. */
  String nodeMemory() default "16Gi";

  /** Pods each simulated node takes. */
  int nodePods() default 110;

  /** One cluster for the whole class (the default), or a fresh one for each test method. */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /** How long a cluster lives. */
  enum Lifecycle {
    /** Started before the first test of the class, stopped after the last. */
    PER_CLASS,
    /** Started before each test method, stopped after it. */
    PER_METHOD
  }
}
