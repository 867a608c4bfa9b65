package io.cncfdemo.cluster;

/**
 * A StorageClass or an IngressClass of a cluster.
 *
 * @param name the class's name, e.g. {@code gp3} or {@code nginx}
 * @param controller who serves it: a StorageClass's provisioner ({@code ebs.csi.aws.com}), an
 *     IngressClass's controller ({@code k8s.io/ingress-nginx})
 * @param isDefault whether it is the cluster's default class (annotation {@code is-default-class})
 */
public record ClusterClass(String name, String controller, boolean isDefault) {}
