package io.cncfdemo;

import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small components for the core's tests: a database that provides an endpoint and a web app that
 * needs one.
 */
final class TestComponents {
  /** A database endpoint, as a real component library would declare it. */
  static final Capability<String> DATABASE =
      Capability.of("a database", String.class, "add database() or externalDatabase(uri)");

  private TestComponents() {}

  static Component database() {
    return new Database("database");
  }

  static Component database(String name) {
    return new Database(name);
  }

  static Component webApp() {
    return new WebApp();
  }

  /** Provides {@link #DATABASE}; a Service, a keyfile Secret and an init Job. */
  record Database(String name) implements Component {
    @Override
    public String describe() {
      return name + "()";
    }

    @Override
    public Set<Capability<?>> provides() {
      return Set.of(DATABASE);
    }

    @Override
    public <T> T provide(Capability<T> capability, DemoContext context) {
      return capability.type().cast("db://" + name + "." + context.namespace() + ".svc:5432");
    }

    @Override
    public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
      var service =
          new ServiceBuilder()
              .withNewMetadata()
              .withName(name)
              .withLabels(context.labels(this, "server"))
              .endMetadata()
              .withNewSpec()
              .withSelector(context.selector(this, "server"))
              .addNewPort()
              .withPort(5432)
              .endPort()
              .endSpec()
              .build();
      var keyfile =
          new SecretBuilder()
              .withNewMetadata()
              .withName(name + "-keyfile")
              .endMetadata()
              .addToStringData("keyfile", context.secret(name + "-keyfile", 32))
              .build();
      var init =
          new JobBuilder()
              .withNewMetadata()
              .withName(name + "-init")
              .endMetadata()
              .withNewSpec()
              .withNewTemplate()
              .withNewSpec()
              .withRestartPolicy("Never")
              .addNewContainer()
              .withName("init")
              .withImage("busybox:1.36")
              .endContainer()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build();
      return Map.of(
          Stage.DATASTORE, List.of(service, keyfile), Stage.INITIALIZATION, List.of(init));
    }
  }

  /** Requires {@link #DATABASE}; a ConfigMap with the endpoint and a Deployment. */
  record WebApp() implements Component {
    @Override
    public String name() {
      return "web";
    }

    @Override
    public Set<Capability<?>> requires() {
      return Set.of(DATABASE);
    }

    @Override
    public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
      var config =
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("web-config")
              .endMetadata()
              .addToData("database", context.require(DATABASE))
              .build();
      var deployment =
          new DeploymentBuilder()
              .withNewMetadata()
              .withName("web")
              .withLabels(context.labels(this, "api"))
              .endMetadata()
              .withNewSpec()
              .withReplicas(Math.min(3, context.minions()))
              .withNewSelector()
              .withMatchLabels(context.selector(this, "api"))
              .endSelector()
              .withNewTemplate()
              .withNewMetadata()
              .withLabels(context.labels(this, "api"))
              .endMetadata()
              .withNewSpec()
              .withPriorityClassName(context.foregroundPriorityClass())
              .addNewContainer()
              .withName("web")
              .withImage("nginx:1.27")
              .endContainer()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build();
      return Map.of(Stage.APPLICATION, List.of(config, deployment));
    }
  }
}
