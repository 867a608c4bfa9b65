package io.cncfdemo;

import io.cncfdemo.component.Component;
import io.cncfdemo.component.ComponentDefaults;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * A group of default components for the core's tests, registered in META-INF/services: one "extra"
 * ConfigMap.
 */
public final class TestDefaults implements ComponentDefaults {
  @Override
  public String group() {
    return "extras";
  }

  @Override
  public List<Component> components() {
    return List.of(new Extra("default"));
  }

  /** A component that writes which variant it is into a ConfigMap. */
  record Extra(String variant) implements Component {
    @Override
    public String name() {
      return "extra";
    }

    @Override
    public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
      return Map.of(
          Stage.MONITORING,
          List.of(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("extra")
                  .endMetadata()
                  .addToData("variant", variant)
                  .build()));
    }
  }
}
