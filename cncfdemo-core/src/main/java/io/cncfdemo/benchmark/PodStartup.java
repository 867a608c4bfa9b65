package io.cncfdemo.benchmark;

/**
 * Pod start-up latency, as kube-burner and ClusterLoader2 report it, from the times this library's
 * watch saw each pod: created (the API server accepted it), scheduled (bound to a node), running
 * (phase Running and Ready).
 *
 * @param pods how many pods were created
 * @param createdToScheduled scheduling latency
 * @param scheduledToRunning start latency on the node
 * @param createdToRunning the whole start-up
 */
public record PodStartup(
    int pods,
    Percentiles createdToScheduled,
    Percentiles scheduledToRunning,
    Percentiles createdToRunning) {}
