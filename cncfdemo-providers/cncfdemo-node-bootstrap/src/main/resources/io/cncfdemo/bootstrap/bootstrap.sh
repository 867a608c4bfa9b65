#!/bin/bash
# cncfdemo node bootstrap, run once by cloud-init. Settings come from /etc/cncfdemo/cluster.env; what differs between
# clouds (where the join secrets are read, who runs kubeadm init, where the results are published, the node's public
# address) from the functions of /usr/local/lib/cncfdemo/platform.sh:
#   secret NAME             prints a bootstrap secret (join-token, certificate-key)
#   wait_shared NAME        prints a value the first master publishes (ca-cert-hash), waiting for it
#   claim_init              succeeds on the one master that runs kubeadm init
#   public_address          prints the address clients outside the network reach this master at
#   publish NAME FILE KIND  publishes ca-cert-hash, api-endpoint or admin-kubeconfig (KIND: shared or secret)
#   before_init             anything the first master needs before kubeadm init (may do nothing)
#   node_ready              anything a node needs once it has joined (may do nothing)
#   cluster_addons          what only the cloud can give the cluster, applied once by the first master after the pod
#                           network: its CSI driver with the default StorageClass, its cloud controller manager (may do
#                           nothing)
# and, only with CLOUD_PROVIDER=external (a cloud controller manager runs; kubelet gets --cloud-provider=external and
# kubeadm a configuration file from the templates in $KUBEADM_CONFIG_DIRECTORY instead of flags):
#   node_name               prints the node's name as the cloud controller manager expects it
#   provider_id             prints the node's provider ID
# The first master runs kubeadm init and publishes the CA hash and the admin kubeconfig; the others join.
set -euo pipefail
. /etc/cncfdemo/cluster.env
. /usr/local/lib/cncfdemo/platform.sh
log() { echo "cncfdemo-bootstrap: $*"; }
# kubeadm's configuration file for this node (TEMPLATE: init, join-control-plane or join), from the template with the
# values only the node knows at boot, readable by root only
kubeadm_config() {
  umask 077
  sed -e "s|@TOKEN@|${token:-}|g" -e "s|@CERTIFICATE_KEY@|${certificate_key:-}|g" -e "s|@CA_CERT_HASH@|${hash:-}|g" \
    -e "s|@PUBLIC_IP@|${public_ip:-}|g" -e "s|@KUBERNETES_VERSION@|${version:-}|g" \
    -e "s|@NODE_NAME@|${node_name:-}|g" -e "s|@PROVIDER_ID@|${provider_id:-}|g" \
    "$KUBEADM_CONFIG_DIRECTORY/$1.yaml" > /run/cncfdemo-kubeadm.yaml
  echo /run/cncfdemo-kubeadm.yaml
}

log "kernel modules, sysctl"
printf 'overlay\nbr_netfilter\n' > /etc/modules-load.d/kubernetes.conf
modprobe overlay
modprobe br_netfilter
printf 'net.bridge.bridge-nf-call-iptables = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\nnet.ipv4.ip_forward = 1\n' \
  > /etc/sysctl.d/99-kubernetes.conf
sysctl --system >/dev/null
swapoff -a

log "containerd, kubelet, kubeadm, kubectl $KUBERNETES_PACKAGE_VERSION ($PACKAGE_MANAGER)"
if [ "$PACKAGE_MANAGER" = "dnf" ]; then
  dnf install -y containerd iproute-tc
  if [ -n "$KUBERNETES_PACKAGE_VERSION" ]; then suffix="-$KUBERNETES_PACKAGE_VERSION"; else suffix=""; fi
  dnf install -y --disableexcludes=kubernetes "kubelet$suffix" "kubeadm$suffix" "kubectl$suffix"
else
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q containerd apt-transport-https ca-certificates curl gpg python3
  mkdir -p -m 755 /etc/apt/keyrings
  curl -fsSL "https://pkgs.k8s.io/core:/stable:/v$KUBERNETES_MINOR/deb/Release.key" \
    | gpg --dearmor --yes -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
  echo "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v$KUBERNETES_MINOR/deb/ /" \
    > /etc/apt/sources.list.d/kubernetes.list
  apt-get update -q
  if [ -n "$KUBERNETES_PACKAGE_VERSION" ]; then suffix="=$KUBERNETES_PACKAGE_VERSION-*"; else suffix=""; fi
  apt-get install -y -q "kubelet$suffix" "kubeadm$suffix" "kubectl$suffix"
  apt-mark hold kubelet kubeadm kubectl
fi
mkdir -p /etc/containerd
containerd config default > /etc/containerd/config.toml
sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml
systemctl restart containerd
systemctl enable --now containerd kubelet

log "waiting for $MASTERS_RECORD"
until getent hosts "$MASTERS_RECORD" >/dev/null; do sleep 5; done
token="$(secret join-token)"
version="$(kubeadm version -o short)"
if [ -n "${CLOUD_PROVIDER:-}" ]; then
  node_name="$(node_name)"
  provider_id="$(provider_id)"
  log "kubelet --cloud-provider=$CLOUD_PROVIDER, node $node_name ($provider_id)"
fi

if [ "$ROLE" = "master" ]; then
  certificate_key="$(secret certificate-key)"
  if claim_init; then
    public_ip="$(public_address)"
    before_init
    log "first master: kubeadm init $version"
    if [ -n "${CLOUD_PROVIDER:-}" ]; then
      kubeadm init --config "$(kubeadm_config init)" --upload-certs
    else
      kubeadm init --kubernetes-version "$version" --control-plane-endpoint "$MASTERS_RECORD:6443" \
        --apiserver-cert-extra-sans "$public_ip,$MASTERS_RECORD${API_EXTRA_SANS:+,$API_EXTRA_SANS}" \
        --pod-network-cidr "$POD_CIDR" --token "$token" --token-ttl 0 --upload-certs --certificate-key "$certificate_key"
    fi
    export KUBECONFIG=/etc/kubernetes/admin.conf
    log "Calico $CALICO_VERSION (VXLAN)"
    kubectl apply -f "https://raw.githubusercontent.com/projectcalico/calico/$CALICO_VERSION/manifests/calico-vxlan.yaml"
    cluster_addons
    hash="$(openssl x509 -pubkey -in /etc/kubernetes/pki/ca.crt | openssl pkey -pubin -outform der | sha256sum | cut -d' ' -f1)"
    umask 077
    echo "sha256:$hash" > /run/cncfdemo-ca-hash
    publish ca-cert-hash /run/cncfdemo-ca-hash shared
    echo "https://$public_ip:6443" > /run/cncfdemo-endpoint
    publish api-endpoint /run/cncfdemo-endpoint shared
    sed "s#server: https://.*#server: https://$public_ip:6443#" /etc/kubernetes/admin.conf > /run/cncfdemo-admin.conf
    publish admin-kubeconfig /run/cncfdemo-admin.conf secret
    rm -f /run/cncfdemo-admin.conf /run/cncfdemo-ca-hash /run/cncfdemo-endpoint
  else
    hash="$(wait_shared ca-cert-hash)"
    log "further master: kubeadm join --control-plane"
    if [ -n "${CLOUD_PROVIDER:-}" ]; then
      kubeadm join --config "$(kubeadm_config join-control-plane)"
    else
      kubeadm join "$MASTERS_RECORD:6443" --token "$token" --discovery-token-ca-cert-hash "$hash" \
        --control-plane --certificate-key "$certificate_key"
    fi
  fi
else
  hash="$(wait_shared ca-cert-hash)"
  log "minion: kubeadm join"
  if [ -n "${CLOUD_PROVIDER:-}" ]; then
    kubeadm join --config "$(kubeadm_config join)"
  else
    kubeadm join "$MASTERS_RECORD:6443" --token "$token" --discovery-token-ca-cert-hash "$hash"
  fi
fi
rm -f /run/cncfdemo-kubeadm.yaml
node_ready
log "done"
