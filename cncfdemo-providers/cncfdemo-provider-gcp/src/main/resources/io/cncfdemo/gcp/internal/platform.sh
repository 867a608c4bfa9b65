# The GCP part of the cncfdemo node bootstrap (sourced by the shared bootstrap script). The join secrets come from a
# root-only file of the user data; the node's service account reads Compute Engine through a token from the metadata
# server. The first master is the first by name among the masters' managed instances; it publishes the CA hash and the
# admin kubeconfig (pointed at its external address) as guest attributes of its own instance, where the other nodes and
# the library read them.
COMPUTE="${COMPUTE_ENDPOINT:-https://compute.googleapis.com/compute/v1}"
METADATA="${METADATA_ENDPOINT:-http://metadata.google.internal/computeMetadata/v1}"
. "${JOIN_ENV:-/etc/cncfdemo/join.env}"

json() { # prints the value at a path of keys and list indexes, from JSON on stdin
  python3 -c 'import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1:]:
    value = value[int(key)] if isinstance(value, list) else value.get(key, "")
print(value if value is not None else "")' "$@"
}
metadata() { curl -sf -H Metadata-Flavor:Google "$METADATA/$1"; }
token() { metadata instance/service-accounts/default/token | json access_token; }
compute() { # path [method]
  curl -sf -X "${2:-GET}" -H "Authorization: Bearer $(token)" -H 'Content-Length: 0' "$COMPUTE/projects/$PROJECT/$1"
}
my_name() { metadata instance/name; }
master_instances() { # "zone name" of every master, sorted by name (every page of the list)
  local query="" page all="" next
  while :; do
    page="$(compute "regions/$REGION/instanceGroupManagers/$MASTERS_GROUP/listManagedInstances$query" POST)"
    all="$all$(printf '%s' "$page" | python3 -c 'import json, sys
for managed in json.load(sys.stdin).get("managedInstances", []):
    parts = managed["instance"].split("/")
    print(parts[parts.index("zones") + 1] + " " + parts[-1])')
"
    next="$(printf '%s' "$page" | json nextPageToken)"
    [ -n "$next" ] || break
    query="?pageToken=$next"
  done
  printf '%s' "$all" | grep . | sort -k2
}
secret() {
  case "$1" in
    join-token) echo "$JOIN_TOKEN" ;;
    certificate-key) echo "${CERTIFICATE_KEY:?only masters have the certificate key}" ;;
  esac
}
claim_init() { # succeeds on the first of all the masters, once all of them exist
  local masters
  for _ in $(seq 1 120); do
    masters="$(master_instances || true)"
    if [ "$(printf '%s\n' "$masters" | grep -c .)" -ge "$MASTERS" ]; then break; fi
    sleep 10
  done
  [ "$(printf '%s\n' "$masters" | head -n 1 | cut -d' ' -f2)" = "$(my_name)" ]
}
public_address() { metadata instance/network-interfaces/0/access-configs/0/external-ip; }
publish() { # name, file, shared|secret: a guest attribute of this instance
  case "$1" in
    ca-cert-hash|admin-kubeconfig)
      curl -sf -X PUT -H Metadata-Flavor:Google --data-binary @"$2" \
        "$METADATA/instance/guest-attributes/$GUEST_NAMESPACE/$1" >/dev/null ;;
  esac
}
wait_shared() { # the CA hash, from the guest attributes of whichever master published it
  local zone name value
  for _ in $(seq 1 360); do
    while read -r zone name; do
      [ -n "$name" ] || continue
      value="$(compute "zones/$zone/instances/$name/getGuestAttributes?queryPath=$GUEST_NAMESPACE%2F$1" \
        | json queryValue items 0 value || true)"
      if [ -n "$value" ]; then
        join_through "$zone" "$name"
        echo "$value"; return 0
      fi
    done <<< "$(master_instances || true)"
    sleep 10
  done
  log "gave up waiting for $1"; return 1
}
# A backend of an internal passthrough load balancer answers the load balancer's address itself (the guest agent routes
# it locally): a further master would join its own API server, which is not there yet. It joins through the master that
# published, then, like the first one, uses its own API server.
join_through() { # zone, name of the publishing master
  local ip
  if [ "$ROLE" = "master" ]; then
    ip="$(compute "zones/$1/instances/$2" | json networkInterfaces 0 networkIP)"
    echo "$ip $MASTERS_RECORD" >> /etc/hosts
  fi
}
own_api_server() {
  if [ "$ROLE" = "master" ]; then
    sed -i "/ $MASTERS_RECORD\$/d" /etc/hosts
    echo "127.0.0.1 $MASTERS_RECORD" >> /etc/hosts
  fi
}
before_init() { own_api_server; }
node_ready() { own_api_server; }
# The Compute Engine persistent disk CSI driver (the pinned release's stable overlay, through kubectl's kustomize, on the
# node's service account) and its default StorageClass, from the files GcpAddons writes on the masters.
cluster_addons() {
  log "Compute Engine persistent disk CSI driver $PD_CSI_VERSION, default StorageClass pd-balanced"
  kubectl create namespace gce-pd-csi-driver --dry-run=client -o yaml | kubectl apply -f -
  kubectl apply -k "$ADDONS_DIR/pd-csi"
  kubectl apply -f "$ADDONS_DIR/storage-class.yaml"
}
