package io.cncfdemo.benchmark;

/**
 * Percentiles of a set of durations measured by the control-plane benchmark, in milliseconds
 * (nearest rank).
 *
 * @param count how many durations
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param maxMs the longest
 */
public record Percentiles(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {}
