package io.cncfdemo.apps.countly;

import io.cncfdemo.apps.common.CountlyApp;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.Passwords;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Rbac;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-shot Job that sets Countly up for writes ({@code setup.js}): its first admin user, whose
 * password the demo draws, and an app named after the demo, whose keys it stores in the Secret
 * {@link #KEYS_SECRET}. The demo creates that Secret empty (Secrets are created once and then
 * kept), and the Job's service account may read and patch that one Secret and nothing else.
 */
final class CountlySetup {
  static final String NAME = "countly-setup";
  static final String ADMIN_SECRET = "countly-admin";
  static final String KEYS_SECRET = "countly-keys";
  static final String ADMIN_USERNAME = "admin";
  static final String SCRIPT = "setup.js";
  static final Resources RESOURCES = Resources.requests("20m", "64Mi").limits("200m", "256Mi");

  private CountlySetup() {}

  static CountlyApp app() {
    return new CountlyApp(KEYS_SECRET);
  }

  static List<HasMetadata> objects(
      Countly countly, DemoContext context, String frontendUrl, String apiUrl) {
    var labels = context.labels(countly, "setup");
    var admin = new LinkedHashMap<String, String>();
    admin.put("username", ADMIN_USERNAME);
    admin.put("password", Passwords.of(context, "countly-admin"));
    admin.put("email", ADMIN_USERNAME + "@" + context.domain());
    var script = Map.of(SCRIPT, Texts.resource(CountlySetup.class, SCRIPT));
    var container =
        Containers.hardened("setup", countly.apiImage(), RESOURCES, RootFilesystem.READ_ONLY)
            .withCommand("node", "/scripts/" + SCRIPT)
            .withEnv(
                Containers.env("COUNTLY_FRONTEND", frontendUrl),
                Containers.env("COUNTLY_API", apiUrl),
                Containers.fromSecret("ADMIN_USERNAME", ADMIN_SECRET, "username"),
                Containers.fromSecret("ADMIN_PASSWORD", ADMIN_SECRET, "password"),
                Containers.fromSecret("ADMIN_EMAIL", ADMIN_SECRET, "email"),
                Containers.env("APP_NAME", context.demoName()),
                Containers.env("KEYS_SECRET", KEYS_SECRET),
                Containers.env("NAMESPACE", context.namespace()))
            .withVolumeMounts(Volumes.mount("scripts", "/scripts", true))
            .build();
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), CountlyObjects.COUNTLY_USER)
            // Its token reads and patches the Secret countly-keys, and nothing else (the Role
            // below).
            .withServiceAccountName(NAME)
            .withAutomountServiceAccountToken(true)
            .withRestartPolicy("Never")
            .withContainers(container)
            .withVolumes(Volumes.configMap("scripts", NAME))
            .build();
    var job =
        new JobBuilder()
            .withMetadata(KubeObjects.meta(NAME, labels))
            .withNewSpec()
            // The script waits for Countly itself (bounded); a failed attempt is retried a few
            // times.
            .withBackoffLimit(4)
            .withActiveDeadlineSeconds(3600L)
            .withTemplate(
                PodSpecs.template(labels, Map.of("checksum/config", Texts.checksum(script)), spec))
            .endSpec()
            .build();
    return List.of(
        KubeObjects.secret(ADMIN_SECRET, labels, admin),
        KubeObjects.secret(KEYS_SECRET, labels, Map.of()),
        Rbac.account(NAME, context.namespace(), labels),
        Rbac.role(
            NAME,
            context.namespace(),
            labels,
            Rbac.named("", "secrets", List.of(KEYS_SECRET), "get", "patch")),
        Rbac.binding(NAME, context.namespace(), labels, "Role", NAME, NAME, context.namespace()),
        KubeObjects.configMap(NAME, labels, script),
        job);
  }
}
