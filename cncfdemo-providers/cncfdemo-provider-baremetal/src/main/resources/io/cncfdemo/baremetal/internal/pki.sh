# Makes the cluster's certificate authorities and certificates on the first master with openssl, each only when
# it is not there yet (so a second run changes nothing). The CA keys never leave the masters.
#   sh -s -- CLUSTER MASTERS-NAME "MASTER-ADDRESS..." SERVICE-IP
cluster=$1 masters_name=$2 masters=$3 service_ip=$4
pki=/etc/cncfdemo/pki
mkdir -p "$pki"
chmod 0700 "$pki"
cd "$pki" || exit 1
umask 077
changed=""

san() { # ADDRESS -> IP:ADDRESS or DNS:ADDRESS
  case "$1" in
    *[!0-9.]*) case "$1" in *:*) echo "IP:$1" ;; *) echo "DNS:$1" ;; esac ;;
    *) echo "IP:$1" ;;
  esac
}

ca() { # NAME COMMON-NAME
  [ -s "$1.crt" ] && return 0
  openssl genrsa -out "$1.key" 2048 2>/dev/null || exit 1
  openssl req -x509 -new -sha256 -days 3650 -key "$1.key" -subj "/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign" \
    -out "$1.crt.tmp" 2>/dev/null && mv "$1.crt.tmp" "$1.crt" || exit 1
  changed="$changed $1"
}

leaf() { # NAME CA SUBJECT USAGES [SANS]
  [ -s "$1.crt" ] && return 0
  openssl genrsa -out "$1.key" 2048 2>/dev/null || exit 1
  openssl req -new -key "$1.key" -subj "$3" -out "$1.csr" 2>/dev/null || exit 1
  sign "$1" "$2" "$4" "${5:-}"
  changed="$changed $1"
}

sign() { # NAME CA USAGES [SANS]   signs NAME.csr into NAME.crt
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$3"
    [ -n "$4" ] && echo "subjectAltName=$4"
  } > "$1.ext"
  openssl x509 -req -sha256 -days 3650 -in "$1.csr" -CA "$2.crt" -CAkey "$2.key" -set_serial "0x$(openssl rand -hex 16)" \
    -extfile "$1.ext" -out "$1.crt.tmp" 2>/dev/null && mv "$1.crt.tmp" "$1.crt" || exit 1
  rm -f "$1.csr" "$1.ext"
}

ca ca "cncfdemo-$cluster-ca"
ca etcd-ca "cncfdemo-$cluster-etcd-ca"
ca front-proxy-ca "cncfdemo-$cluster-front-proxy-ca"
if [ ! -s sa.pub ]; then
  openssl genrsa -out sa.key 2048 2>/dev/null && openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null || exit 1
  changed="$changed sa"
fi
sans="DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
sans="$sans,DNS:localhost,DNS:$masters_name,IP:127.0.0.1,IP:$service_ip"
for address in $masters; do sans="$sans,$(san "$address")"; done
leaf apiserver ca "/CN=kube-apiserver" serverAuth "$sans"
leaf apiserver-kubelet-client ca "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
leaf apiserver-etcd-client etcd-ca "/CN=kube-apiserver-etcd-client" clientAuth
leaf front-proxy-client front-proxy-ca "/CN=front-proxy-client" clientAuth
leaf controller-manager ca "/CN=system:kube-controller-manager" clientAuth
leaf scheduler ca "/CN=system:kube-scheduler" clientAuth
leaf admin ca "/O=system:masters/CN=cncfdemo-admin" clientAuth
leaf kube-proxy ca "/CN=system:kube-proxy" clientAuth
index=0
for address in $masters; do
  leaf "etcd-server-$index" etcd-ca "/CN=$address" serverAuth,clientAuth "$(san "$address"),IP:127.0.0.1,DNS:localhost"
  leaf "etcd-peer-$index" etcd-ca "/CN=$address" serverAuth,clientAuth "$(san "$address")"
  index=$((index + 1))
done
chmod 0644 ./*.crt sa.pub
if [ -n "$changed" ]; then echo "changed:$changed"; else echo unchanged; fi
