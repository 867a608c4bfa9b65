package io.cncfdemo.deploy;

import java.util.Optional;

/**
 * One need of a demo that a cluster does not meet, found before anything is applied: which
 * component, what is missing, and what to do about it.
 *
 * @param component the component as written in the DSL, e.g. {@code mongoSharded(3)}; empty for a
 *     need of the whole demo (its CPU and memory)
 * @param problem what the cluster lacks, e.g. {@code this cluster has no default StorageClass}
 * @param fix what to do, e.g. {@code add localPathStorage() or pass .storageClass("gp3")}
 */
public record Finding(Optional<String> component, String problem, String fix) {

  /** The finding in one line: {@code mongoSharded(3): this cluster has no ...: add ...}. */
  public String message() {
    return component.map(name -> name + ": ").orElse("") + problem + ": " + fix;
  }

  @Override
  public String toString() {
    return message();
  }
}
