/**
 * Cluster add-ons for clusters that lack them: {@code metricsServer()} (the metrics API that
 * Countly's autoscaler reads), {@code ingressNginx()} (an ingress controller and its IngressClass
 * {@code nginx}) and {@code localPathStorage()} (a default StorageClass on the nodes' disks). They
 * join a demo only where its cluster lacks what they add; local-path storage only where the
 * cluster's provider declares the nodes' disks its storage.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@CheckReturnValue
package io.cncfdemo.apps.addons;

import com.google.errorprone.annotations.CheckReturnValue;
