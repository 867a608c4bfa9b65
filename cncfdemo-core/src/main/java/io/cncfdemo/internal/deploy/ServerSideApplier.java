package io.cncfdemo.internal.deploy;

import io.cncfdemo.CncfDemoException;
import io.cncfdemo.demo.CompiledDemo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies a compiled demo with server-side apply, stage after stage, as one field manager. */
public final class ServerSideApplier {
  /** The field manager of every apply the library makes. */
  public static final String FIELD_MANAGER = "cncfdemo";
  private static final Logger LOG = LoggerFactory.getLogger(ServerSideApplier.class);

  private ServerSideApplier() {}

  public static List<HasMetadata> apply(KubernetesClient client, CompiledDemo demo) {
    var applied = new ArrayList<HasMetadata>();
    for (var stage : demo.stages()) {
      LOG.info("applying stage {} ({} objects)", stage.stage().label(), stage.objects().size());
      for (var object : stage.objects()) {
        applied.add(apply(client, object));
      }
    }
    return applied;
  }

  private static HasMetadata apply(KubernetesClient client, HasMetadata object) {
    try {
      var result = client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
      LOG.debug("applied {} {}", object.getKind(), object.getMetadata().getName());
      return result;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return createInstead(client, object, e);
      }
      throw refused(object, e);
    }
  }

  /**
   * A real API server creates a missing object on apply; a server without apply-create (fabric8's mock, some
   * proxies) answers 404, so the object is created the ordinary way. Where the 404 meant something else (a missing
   * namespace), the create fails too and the apply's error is reported.
   */
  private static HasMetadata createInstead(KubernetesClient client, HasMetadata object, KubernetesClientException applyError) {
    try {
      return client.resource(object).create();
    } catch (KubernetesClientException createError) {
      applyError.addSuppressed(createError);
      throw refused(object, applyError);
    }
  }

  private static CncfDemoException refused(HasMetadata object, KubernetesClientException e) {
    return new CncfDemoException("the API server refused " + object.getKind() + " "
        + object.getMetadata().getName() + " (HTTP " + e.getCode() + "): " + e.getMessage(), e);
  }
}
