# On a minion: a key and a certificate request for the kubelet's client and serving certificates, unless the
# certificates are there. Prints the requests (PEM, one after the other) for the first master to sign.
#   sh -s -- NODE-NAME ADDRESS
node=$1 address=$2
pki=/etc/cncfdemo/pki
mkdir -p "$pki"
chmod 0700 "$pki"
cd "$pki" || exit 1
umask 077
for kind in kubelet-client kubelet-server; do
  [ -s "$kind.crt" ] && continue
  [ -s "$kind.key" ] || openssl genrsa -out "$kind.key" 2048 2>/dev/null || exit 1
  if [ "$kind" = kubelet-client ]; then subject="/O=system:nodes/CN=system:node:$node"; else subject="/CN=system:node:$node"; fi
  echo "# $kind"
  openssl req -new -key "$kind.key" -subj "$subject" 2>/dev/null || exit 1
done
