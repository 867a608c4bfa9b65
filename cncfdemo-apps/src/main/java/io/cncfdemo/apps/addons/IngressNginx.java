package io.cncfdemo.apps.addons;

import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.component.ClusterFeature;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The ingress-nginx controller in its own namespace {@code ingress-nginx}, with the IngressClass
 * {@code nginx} (the cluster's default class unless {@link #defaultClass(boolean)} says otherwise)
 * behind a Service of type {@code LoadBalancer} ({@link #serviceType(ServiceType)}: {@code
 * NODE_PORT} where no load balancer exists). Its admission webhook is left out: see the README.
 */
@CncfDemoValue
public abstract class IngressNginx implements Component, Imaged<IngressNginx>, Sized<IngressNginx> {
  public static final String NAME = "ingress-nginx";
  public static final String NAMESPACE = "ingress-nginx";
  public static final String CLASS_NAME = "nginx";
  public static final String DEFAULT_IMAGE = "registry.k8s.io/ingress-nginx/controller:v1.12.3";

  /** Upstream's requests (100m, 90Mi), with limits. */
  public static final Resources DEFAULT_RESOURCES =
      Resources.requests("100m", "90Mi").limits("1", "512Mi");

  public static final int DEFAULT_REPLICAS = 1;
  public static final ServiceType DEFAULT_SERVICE_TYPE = ServiceType.LOAD_BALANCER;
  public static final boolean DEFAULT_DEFAULT_CLASS = true;
  static final int MAX_REPLICAS = 10;

  /** How the controller is reached from outside the cluster. */
  public enum ServiceType {
    /** A cloud load balancer (the cloud controller manager, MetalLB, minikube tunnel, ...). */
    LOAD_BALANCER("LoadBalancer"),
    /** A port on every node, where nothing provides load balancers. */
    NODE_PORT("NodePort");

    private final String kubernetesName;

    ServiceType(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** The Service type as Kubernetes spells it, e.g. {@code LoadBalancer}. */
    public String kubernetesName() {
      return kubernetesName;
    }
  }

  IngressNginx() {}

  public static IngressNginx create() {
    return ImmutableIngressNginx.builder().build();
  }

  @Value.Default
  @Override
  public String image() {
    return DEFAULT_IMAGE;
  }

  @Value.Default
  @Override
  public Resources resources() {
    return DEFAULT_RESOURCES;
  }

  /**
   * The number of controller pods; above one they are spread over nodes and a PodDisruptionBudget
   * keeps one up.
   */
  @Value.Default
  public int replicas() {
    return DEFAULT_REPLICAS;
  }

  /** The type of the controller's Service. */
  @Value.Default
  public ServiceType serviceType() {
    return DEFAULT_SERVICE_TYPE;
  }

  /**
   * Whether the IngressClass {@code nginx} is the cluster's default (annotation {@code
   * is-default-class}).
   */
  @Value.Default
  public boolean defaultClass() {
    return DEFAULT_DEFAULT_CLASS;
  }

  @Override
  public IngressNginx image(String image) {
    return ImmutableIngressNginx.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  @Override
  public IngressNginx resources(Resources resources) {
    return ImmutableIngressNginx.copyOf(this)
        .copyWithResources(Check.notNull("resources", resources, "CPU and memory"));
  }

  /** The same controller with this many pods (1 to 10). */
  public IngressNginx replicas(int replicas) {
    return ImmutableIngressNginx.copyOf(this)
        .copyWithReplicas(Check.between("replicas", replicas, 1, MAX_REPLICAS));
  }

  /** The same controller behind a Service of this type. */
  public IngressNginx serviceType(ServiceType type) {
    return ImmutableIngressNginx.copyOf(this)
        .copyWithServiceType(
            Check.notNull("serviceType", type, "one of " + Arrays.toString(ServiceType.values())));
  }

  /** The same controller, its IngressClass the cluster's default or not. */
  public IngressNginx defaultClass(boolean isDefault) {
    return ImmutableIngressNginx.copyOf(this).copyWithDefaultClass(isDefault);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String describe() {
    return "ingressNginx()";
  }

  /**
   * A default IngressClass (unless {@link #defaultClass(boolean) defaultClass(false)}): this add-on
   * joins a demo whose cluster has none.
   */
  @Override
  public Set<ClusterFeature> adds() {
    return defaultClass() ? Set.of(ClusterFeature.INGRESS) : Set.of();
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    return Map.of(Stage.FOUNDATION, IngressNginxObjects.all(this, context));
  }

  @Override
  public String toString() {
    return describe();
  }
}
