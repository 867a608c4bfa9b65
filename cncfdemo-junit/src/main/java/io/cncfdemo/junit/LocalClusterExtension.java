package io.cncfdemo.junit;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cluster.RunningCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link LocalCluster}: creates the cluster it describes, keeps it in the
 * JUnit store (which closes it, and so stops every process, when the class or method is done,
 * failed or not) and resolves {@link RunningCluster} and {@link KubernetesClient} parameters.
 */
public final class LocalClusterExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalClusterExtension.class);
  private static final String KEY = "cluster";

  @Override
  public void beforeAll(ExtensionContext context) {
    var annotation = annotation(context);
    if (annotation.lifecycle() == LocalCluster.Lifecycle.PER_CLASS) {
      context
          .getStore(NAMESPACE)
          .computeIfAbsent(KEY, key -> create(annotation), RunningCluster.class);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    var annotation = annotation(context);
    if (annotation.lifecycle() == LocalCluster.Lifecycle.PER_METHOD) {
      context
          .getStore(NAMESPACE)
          .computeIfAbsent(KEY, key -> create(annotation), RunningCluster.class);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    var type = parameter.getParameter().getType();
    return type == RunningCluster.class || type == KubernetesClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    var cluster = cluster(context);
    return parameter.getParameter().getType() == KubernetesClient.class
        ? cluster.client()
        : cluster;
  }

  private static RunningCluster cluster(ExtensionContext context) {
    var annotation = annotation(context);
    if (annotation.lifecycle() == LocalCluster.Lifecycle.PER_METHOD
        && context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException(
          "@LocalCluster(lifecycle = PER_METHOD) gives its cluster to test methods"
              + " only, not to constructors or @BeforeAll methods");
    }
    var cluster = context.getStore(NAMESPACE).get(KEY, RunningCluster.class);
    if (cluster == null) {
      throw new ExtensionConfigurationException(
          "no cluster yet: with @LocalCluster(lifecycle = PER_METHOD), take it in"
              + " @Test or @BeforeEach methods, not in the constructor");
    }
    return cluster;
  }

  private static LocalCluster annotation(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalCluster.class)
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    "LocalClusterExtension needs @LocalCluster on the test class "
                        + context.getRequiredTestClass().getName()));
  }

  private static RunningCluster create(LocalCluster annotation) {
    var target =
        Providers.local()
            .nodeCpu(annotation.nodeCpu())
            .nodeMemory(annotation.nodeMemory())
            .nodePods(annotation.nodePods());
    return Cluster.on(target)
        .named(annotation.name())
        .masters(annotation.masters())
        .minions(annotation.minions())
        .create();
  }
}
