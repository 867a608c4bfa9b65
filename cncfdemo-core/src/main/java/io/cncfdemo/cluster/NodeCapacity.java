package io.cncfdemo.cluster;

/**
 * What one node offers pods, from its status.
 *
 * @param name the node's name
 * @param cpuMillis its allocatable CPU in millicores
 * @param memoryBytes its allocatable memory in bytes
 * @param schedulable whether the demo's pods may run on it: not cordoned and without a {@code
 *     NoSchedule} or {@code NoExecute} taint (the control plane's nodes have one), the taints of a
 *     node that is still starting ({@code node.kubernetes.io/not-ready}, ...) aside
 */
public record NodeCapacity(String name, long cpuMillis, long memoryBytes, boolean schedulable) {}
