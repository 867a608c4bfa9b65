# The Azure part of the cncfdemo node bootstrap (sourced by the shared bootstrap script). The join secrets come from
# a root-only file of the custom data; the node's user-assigned identity (Reader on the cluster's resource group,
# masters also Tag Contributor) reads ARM through a token from the instance metadata service. The first master is the
# first by name among the masters' VMs; it publishes the CA hash as a tag on its own VM, where the others read it.
# Every node also carries the cloud's identity (Contributor on the resource group), for the Azure Disk CSI driver.
ARM="${ARM_ENDPOINT:-https://management.azure.com}"
IMDS="${IMDS_ENDPOINT:-http://169.254.169.254}"
. "${JOIN_ENV:-/etc/cncfdemo/join.env}"

json() { # prints the value at a path of keys and list indexes, from JSON on stdin
  python3 -c 'import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1:]:
    value = value[int(key)] if isinstance(value, list) else value.get(key, "")
print(value if value is not None else "")' "$@"
}
imds() { curl -sf -H Metadata:true "$IMDS/metadata/$1"; }
arm_token() {
  imds "identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F&client_id=$IDENTITY_CLIENT_ID" \
    | json access_token
}
arm() { # path [method] [body]
  curl -sf -X "${2:-GET}" -H "Authorization: Bearer $(arm_token)" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "$ARM$1"
}
my_vm() { imds "instance/compute/resourceId?api-version=2021-02-01&format=text"; }
master_vms() { # the masters' VM ids, sorted by name (every page of the list)
  local path="/subscriptions/$SUBSCRIPTION_ID/resourceGroups/$RESOURCE_GROUP/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01"
  local page all=""
  while [ -n "$path" ]; do
    page="$(arm "$path")"
    all="$all$(printf '%s' "$page" | python3 -c 'import json, sys
scale_set = sys.argv[1].lower()
for vm in json.load(sys.stdin).get("value", []):
    if vm.get("properties", {}).get("virtualMachineScaleSet", {}).get("id", "").lower().endswith("/" + scale_set):
        print(vm["name"] + " " + vm["id"])' "$MASTERS_SCALE_SET")
"
    path="$(printf '%s' "$page" | json nextLink)"
    path="${path#"$ARM"}"
  done
  printf '%s' "$all" | grep . | sort | cut -d' ' -f2
}
secret() {
  case "$1" in
    join-token) echo "$JOIN_TOKEN" ;;
    certificate-key) echo "${CERTIFICATE_KEY:?only masters have the certificate key}" ;;
  esac
}
claim_init() { # succeeds on the first of all the masters, once all of them exist
  local vms
  for _ in $(seq 1 120); do
    vms="$(master_vms || true)"
    if [ "$(printf '%s\n' "$vms" | grep -c .)" -ge "$MASTERS" ]; then break; fi
    sleep 10
  done
  [ "$(printf '%s\n' "$vms" | head -n 1 | tr 'A-Z' 'a-z')" = "$(my_vm | tr 'A-Z' 'a-z')" ]
}
public_address() { # Standard public IPs are not in the instance metadata: ask ARM
  local nic ip
  nic="$(arm "$(my_vm)?api-version=2024-07-01" | json properties networkProfile networkInterfaces 0 id)"
  ip="$(arm "$nic?api-version=2024-05-01" | json properties ipConfigurations 0 properties publicIPAddress id)"
  arm "$ip?api-version=2024-05-01" | json properties ipAddress
}
publish() { # name, file, shared|secret: the CA hash becomes a tag of this VM; the admin kubeconfig (pointed at the
  # public address) stays on this master, root-only, where the library reads it with Run Command
  case "$1" in
    ca-cert-hash)
      arm "$(my_vm)/providers/Microsoft.Resources/tags/default?api-version=2021-04-01" PATCH \
        "{\"operation\":\"Merge\",\"properties\":{\"tags\":{\"$CA_HASH_TAG\":\"$(cat "$2")\"}}}" >/dev/null ;;
    admin-kubeconfig) install -m 600 "$2" "$ADMIN_KUBECONFIG" ;;
  esac
}
wait_shared() { # the CA hash, from the tag of whichever master published it
  local vm value
  for _ in $(seq 1 360); do
    for vm in $(master_vms || true); do
      value="$(arm "$vm/providers/Microsoft.Resources/tags/default?api-version=2021-04-01" \
        | json properties tags "$CA_HASH_TAG" || true)"
      if [ -n "$value" ]; then echo "$value"; return 0; fi
    done
    sleep 10
  done
  log "gave up waiting for $1"; return 1
}
# The internal load balancer does not send a backend's traffic back to itself: a master reaches its own API server
# directly, the first one from before kubeadm init on, the others once they have joined through the load balancer.
own_api_server() {
  if [ "$ROLE" = "master" ] && ! grep -q " $MASTERS_RECORD\$" /etc/hosts; then
    echo "127.0.0.1 $MASTERS_RECORD" >> /etc/hosts
  fi
}
before_init() { own_api_server; }
node_ready() { own_api_server; }
# What only Azure gives the cluster: the Azure Disk CSI driver (the release's manifests), its cloud config as the secret
# it reads (no credential in it: the driver acts as the cloud's managed identity, through the metadata service), and
# the default StorageClass on it.
cluster_addons() {
  kubectl -n kube-system create secret generic "$CLOUD_CONFIG_SECRET" --from-file=cloud-config="$CLOUD_CONFIG_FILE" \
    --dry-run=client -o yaml | kubectl apply -f -
  local manifest
  for manifest in $AZUREDISK_CSI_MANIFESTS; do
    kubectl apply -f "$manifest"
  done
  kubectl apply -f "$STORAGE_CLASS_FILE"
}
