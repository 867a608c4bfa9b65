# On the first master: signs a minion's certificate request with the cluster CA and prints the certificate.
#   sh -s -- KIND NODE-NAME ADDRESS REQUEST-PEM      (KIND: kubelet-client or kubelet-server)
kind=$1 node=$2 address=$3 request=$4
cd /etc/cncfdemo/pki || exit 1
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s\n' "$request" > "$work/req.csr"
if [ "$kind" = kubelet-client ]; then want="O = system:nodes, CN = system:node:$node"; else want="CN = system:node:$node"; fi
got=$(openssl req -in "$work/req.csr" -noout -subject 2>/dev/null | sed 's/^subject=//; s/^ *//')
[ "$got" = "$want" ] || { echo "the request's subject is \"$got\", not \"$want\"" >&2; exit 1; }
case "$address" in *[!0-9.]*) san="DNS:$address" ;; *) san="IP:$address" ;; esac
{
  echo "basicConstraints=critical,CA:FALSE"
  echo "keyUsage=critical,digitalSignature,keyEncipherment"
  if [ "$kind" = kubelet-client ]; then
    echo "extendedKeyUsage=clientAuth"
  else
    echo "extendedKeyUsage=serverAuth"
    echo "subjectAltName=DNS:$node,$san"
  fi
} > "$work/ext"
openssl x509 -req -sha256 -days 3650 -in "$work/req.csr" -CA ca.crt -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
  -extfile "$work/ext" 2>/dev/null
