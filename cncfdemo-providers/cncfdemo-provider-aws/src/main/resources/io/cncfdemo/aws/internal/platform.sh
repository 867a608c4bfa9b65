# The AWS part of the cncfdemo node bootstrap (sourced by the shared bootstrap script): secrets are SSM SecureString
# parameters under $PARAMETER_PATH that only this node's instance role can read; the first master is the one whose
# write of the init-lock parameter succeeds; its public address comes from the instance metadata service (IMDSv2); it
# installs the cloud controller manager, the EBS CSI driver and the default StorageClass (cluster_addons). Kubelet runs
# with --cloud-provider=external: the node is named after its private DNS name and identified by its zone and
# instance id, as the AWS cloud controller manager expects.
imds() {
  local token
  token="$(curl -sf -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')"
  curl -sf -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/meta-data/$1"
}
param() {
  aws ssm get-parameter --region "$REGION" --with-decryption --name "$PARAMETER_PATH/$1" --query Parameter.Value --output text
}
wait_param() {
  local value
  for _ in $(seq 1 360); do
    if value="$(param "$1" 2>/dev/null)"; then echo "$value"; return 0; fi
    sleep 10
  done
  log "gave up waiting for parameter $1"; return 1
}
secret() { wait_param "$1"; }
wait_shared() { wait_param "$1"; }
claim_init() {
  aws ssm put-parameter --region "$REGION" --name "$PARAMETER_PATH/init-lock" --value "$(imds instance-id)" \
    --type String >/dev/null 2>&1
}
public_address() { imds public-ipv4; }
publish() { # name, file, shared|secret
  local type=String tier=Standard
  if [ "$3" = "secret" ]; then type=SecureString; tier=Advanced; fi
  aws ssm put-parameter --region "$REGION" --name "$PARAMETER_PATH/$1" --value "file://$2" --type "$type" \
    --tier "$tier" --overwrite >/dev/null
}
node_name() { imds local-hostname; }
provider_id() { echo "aws:///$(imds placement/availability-zone)/$(imds instance-id)"; }
before_init() { :; }
node_ready() { :; }
# The AWS cloud controller manager (pinned upstream kustomize base, patched with the cluster's name: see
# CloudControllerManager), the AWS EBS CSI driver (pinned upstream kustomize overlay, patched onto the host network:
# see ClusterAddons) and the default StorageClass gp3; kubectl's kustomize fetches the remote bases with git.
cluster_addons() {
  log "AWS cloud controller manager $CLOUD_CONTROLLER_MANAGER_VERSION, AWS EBS CSI driver $EBS_CSI_DRIVER_VERSION, default StorageClass gp3"
  dnf install -y git-core
  kubectl apply -k "$ADDONS_DIRECTORY/aws-cloud-controller-manager"
  kubectl apply -k "$ADDONS_DIRECTORY/aws-ebs-csi-driver"
  kubectl apply -f "$ADDONS_DIRECTORY/storage-class-gp3.yaml"
}
