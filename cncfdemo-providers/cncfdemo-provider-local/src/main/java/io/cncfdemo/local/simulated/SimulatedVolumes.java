package io.cncfdemo.local.simulated;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage for a simulated cluster, which has no disks: a default StorageClass {@value
 * #STORAGE_CLASS} and a provisioner in this JVM that answers each claim of that class with a
 * PersistentVolume bound to it (the real controller manager completes the binding), and deletes the
 * volume when its claim is gone — what a CSI driver's external-provisioner does on a real cluster.
 */
final class SimulatedVolumes implements AutoCloseable {
  static final String STORAGE_CLASS = "standard";
  static final String PROVISIONER = "cncfdemo.io/simulated";
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedVolumes.class);

  private final KubernetesClient client;
  private final SharedIndexInformer<PersistentVolumeClaim> claims;
  private final SharedIndexInformer<PersistentVolume> volumes;

  private SimulatedVolumes(KubernetesClient client) {
    this.client = client;
    this.claims =
        client
            .persistentVolumeClaims()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(PersistentVolumeClaim claim) {
                    provision(claim);
                  }

                  @Override
                  public void onUpdate(PersistentVolumeClaim before, PersistentVolumeClaim claim) {
                    provision(claim);
                  }

                  @Override
                  public void onDelete(PersistentVolumeClaim claim, boolean unknownFinalState) {
                    // the volume is released by the controller manager; onUpdate of the volume
                    // deletes it
                  }
                });
    this.volumes =
        client
            .persistentVolumes()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(PersistentVolume volume) {
                    reclaim(volume);
                  }

                  @Override
                  public void onUpdate(PersistentVolume before, PersistentVolume volume) {
                    reclaim(volume);
                  }

                  @Override
                  public void onDelete(PersistentVolume volume, boolean unknownFinalState) {
                    // nothing to do
                  }
                });
  }

  /** Creates the default StorageClass and starts provisioning. */
  static SimulatedVolumes start(KubernetesClient client) {
    client
        .storage()
        .v1()
        .storageClasses()
        .resource(
            new StorageClassBuilder()
                .withNewMetadata()
                .withName(STORAGE_CLASS)
                .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
                .endMetadata()
                .withProvisioner(PROVISIONER)
                .withReclaimPolicy("Delete")
                .withVolumeBindingMode("Immediate")
                .withAllowVolumeExpansion(true)
                .build())
        .create();
    return new SimulatedVolumes(client);
  }

  private void provision(PersistentVolumeClaim claim) {
    var spec = claim.getSpec();
    boolean ours = STORAGE_CLASS.equals(spec.getStorageClassName());
    boolean pending = claim.getStatus() == null || "Pending".equals(claim.getStatus().getPhase());
    if (!ours
        || !pending
        || (spec.getVolumeName() != null && !spec.getVolumeName().isEmpty())
        || claim.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    var name = "pvc-" + claim.getMetadata().getUid();
    var volume =
        new PersistentVolumeBuilder()
            .withNewMetadata()
            .withName(name)
            .addToAnnotations("pv.kubernetes.io/provisioned-by", PROVISIONER)
            .endMetadata()
            .withNewSpec()
            .withStorageClassName(STORAGE_CLASS)
            .withAccessModes(spec.getAccessModes())
            .withCapacity(spec.getResources().getRequests())
            .withPersistentVolumeReclaimPolicy("Delete")
            .withVolumeMode(spec.getVolumeMode())
            .withClaimRef(
                new ObjectReferenceBuilder()
                    .withKind("PersistentVolumeClaim")
                    .withApiVersion("v1")
                    .withNamespace(claim.getMetadata().getNamespace())
                    .withName(claim.getMetadata().getName())
                    .withUid(claim.getMetadata().getUid())
                    .build())
            .withNewHostPath()
            .withPath("/var/lib/cncfdemo-simulated/" + name)
            .withType("DirectoryOrCreate")
            .endHostPath()
            .endSpec()
            .build();
    try {
      client.persistentVolumes().resource(volume).create();
      LOG.debug(
          "provisioned {} for {}/{}",
          name,
          claim.getMetadata().getNamespace(),
          claim.getMetadata().getName());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        LOG.warn(
            "could not provision a volume for {}/{}: {}",
            claim.getMetadata().getNamespace(),
            claim.getMetadata().getName(),
            e.getMessage());
      }
    }
  }

  private void reclaim(PersistentVolume volume) {
    var annotations = volume.getMetadata().getAnnotations();
    boolean ours =
        annotations != null
            && PROVISIONER.equals(annotations.get("pv.kubernetes.io/provisioned-by"));
    boolean released =
        volume.getStatus() != null && "Released".equals(volume.getStatus().getPhase());
    if (ours && released && "Delete".equals(volume.getSpec().getPersistentVolumeReclaimPolicy())) {
      try {
        client.persistentVolumes().withName(volume.getMetadata().getName()).delete();
      } catch (KubernetesClientException e) {
        LOG.debug(
            "could not delete released volume {}: {}",
            volume.getMetadata().getName(),
            e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    claims.close();
    volumes.close();
  }
}
