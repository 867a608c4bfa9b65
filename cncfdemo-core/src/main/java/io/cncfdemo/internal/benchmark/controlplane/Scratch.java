package io.cncfdemo.internal.benchmark.controlplane;

import io.cncfdemo.benchmark.ControlPlaneLoad;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Where and how a probe of the control-plane benchmark works: the client, the scratch namespace,
 * the run's id (the value of every object's {@value PausePods#LABEL} label) and the load's
 * settings.
 */
record Scratch(KubernetesClient client, String namespace, String run, ControlPlaneLoad load) {}
