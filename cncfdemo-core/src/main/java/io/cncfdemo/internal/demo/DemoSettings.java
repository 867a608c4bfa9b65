package io.cncfdemo.internal.demo;

import io.cncfdemo.demo.PodSecurityLevel;

/**
 * The demo-wide settings the compiler needs.
 *
 * @param name the demo's name
 * @param namespace its namespace
 * @param domain the DNS domain of its Ingress hosts
 * @param podSecurity the Pod Security level enforced on its namespace
 * @param secrets its random secret material
 */
public record DemoSettings(
    String name,
    String namespace,
    String domain,
    PodSecurityLevel podSecurity,
    SecretMaterial secrets) {}
