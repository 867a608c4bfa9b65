package io.cncfdemo.benchmark;

/**
 * How long a Deployment took to become available and to roll out a change of its pod template.
 *
 * @param replicas its replicas
 * @param createdToAvailableSeconds from create to every replica available
 * @param updateSeconds from the template change to every replica updated and available
 */
public record Rollout(int replicas, double createdToAvailableSeconds, double updateSeconds) {}
