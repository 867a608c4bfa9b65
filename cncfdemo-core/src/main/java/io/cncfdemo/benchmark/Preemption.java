package io.cncfdemo.benchmark;

/**
 * How long a high-priority pod took to run on a node full of low-priority (background) pods, which
 * the scheduler preempted for it.
 *
 * @param createdToRunningSeconds from the high-priority pod's create to it running
 * @param victims background pods that were preempted
 */
public record Preemption(double createdToRunningSeconds, int victims) {}
