/**
 * What the apps share and what users pass to them: {@link io.cncfdemo.apps.common.Resources} (CPU
 * and memory of a container), the capabilities the apps provide to each other ({@link
 * io.cncfdemo.apps.common.AppCapabilities}) and the endpoints those capabilities hand over. A leaf
 * package: it uses no app, so every app package may use it, and {@link io.cncfdemo.apps.Apps} above
 * them all.
 */
package io.cncfdemo.apps.common;
