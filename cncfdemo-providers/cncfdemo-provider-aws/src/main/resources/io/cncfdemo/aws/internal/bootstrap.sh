#!/bin/bash
# cncfdemo node bootstrap, run once by cloud-init on Amazon Linux 2023. Settings come from /etc/cncfdemo/cluster.env;
# secrets (join token, certificate key) from SSM SecureString parameters that only this node's role can read.
# The first master runs kubeadm init and publishes the CA hash and the admin kubeconfig; the others join.
set -euo pipefail
. /etc/cncfdemo/cluster.env
log() { echo "cncfdemo-bootstrap: $*"; }

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
publish() { # name, file, type, tier
  aws ssm put-parameter --region "$REGION" --name "$PARAMETER_PATH/$1" --value "file://$2" --type "$3" --tier "$4" --overwrite >/dev/null
}

log "kernel modules, sysctl, containerd"
printf 'overlay\nbr_netfilter\n' > /etc/modules-load.d/kubernetes.conf
modprobe overlay
modprobe br_netfilter
printf 'net.bridge.bridge-nf-call-iptables = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\nnet.ipv4.ip_forward = 1\n' \
  > /etc/sysctl.d/99-kubernetes.conf
sysctl --system >/dev/null
swapoff -a
dnf install -y containerd iproute-tc
mkdir -p /etc/containerd
containerd config default > /etc/containerd/config.toml
sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml
systemctl enable --now containerd

log "kubelet, kubeadm, kubectl $KUBERNETES_PACKAGE_VERSION"
if [ -n "$KUBERNETES_PACKAGE_VERSION" ]; then suffix="-$KUBERNETES_PACKAGE_VERSION"; else suffix=""; fi
dnf install -y --disableexcludes=kubernetes "kubelet$suffix" "kubeadm$suffix" "kubectl$suffix"
systemctl enable --now kubelet

log "waiting for $MASTERS_RECORD"
until getent hosts "$MASTERS_RECORD" >/dev/null; do sleep 5; done
token="$(wait_param join-token)"
version="$(kubeadm version -o short)"

if [ "$ROLE" = "master" ]; then
  certificate_key="$(param certificate-key)"
  instance_id="$(imds instance-id)"
  if aws ssm put-parameter --region "$REGION" --name "$PARAMETER_PATH/init-lock" --value "$instance_id" --type String \
      >/dev/null 2>&1; then
    public_ip="$(imds public-ipv4)"
    log "first master: kubeadm init $version"
    kubeadm init --kubernetes-version "$version" --control-plane-endpoint "$MASTERS_RECORD:6443" \
      --apiserver-cert-extra-sans "$public_ip,$MASTERS_RECORD" --pod-network-cidr "$POD_CIDR" \
      --token "$token" --token-ttl 0 --upload-certs --certificate-key "$certificate_key"
    export KUBECONFIG=/etc/kubernetes/admin.conf
    log "Calico $CALICO_VERSION (VXLAN)"
    kubectl apply -f "https://raw.githubusercontent.com/projectcalico/calico/$CALICO_VERSION/manifests/calico-vxlan.yaml"
    hash="$(openssl x509 -pubkey -in /etc/kubernetes/pki/ca.crt | openssl pkey -pubin -outform der | sha256sum | cut -d' ' -f1)"
    umask 077
    echo "sha256:$hash" > /run/cncfdemo-ca-hash
    publish ca-cert-hash /run/cncfdemo-ca-hash String Standard
    echo "https://$public_ip:6443" > /run/cncfdemo-endpoint
    publish api-endpoint /run/cncfdemo-endpoint String Standard
    sed "s#server: https://.*#server: https://$public_ip:6443#" /etc/kubernetes/admin.conf > /run/cncfdemo-admin.conf
    publish admin-kubeconfig /run/cncfdemo-admin.conf SecureString Advanced
    rm -f /run/cncfdemo-admin.conf /run/cncfdemo-ca-hash /run/cncfdemo-endpoint
  else
    hash="$(wait_param ca-cert-hash)"
    log "further master: kubeadm join --control-plane"
    kubeadm join "$MASTERS_RECORD:6443" --token "$token" --discovery-token-ca-cert-hash "$hash" \
      --control-plane --certificate-key "$certificate_key"
  fi
else
  hash="$(wait_param ca-cert-hash)"
  log "minion: kubeadm join"
  kubeadm join "$MASTERS_RECORD:6443" --token "$token" --discovery-token-ca-cert-hash "$hash"
fi
log "done"
