# Records, once, what the host is like before the bootstrap changes it, so that destroy can put it back: which
# paths outside cncfdemo's own directories existed, the sysctls it will set, the iptables chains there were.
# Then marks the host as belonging to the cluster.
#   sh -s -- CLUSTER
cluster=$1
base=/var/lib/cncfdemo/baseline
if [ -f "$base" ]; then echo unchanged; exit 0; fi
mkdir -p /var/lib/cncfdemo /etc/cncfdemo
tmp=$base.tmp.$$
{
  for path in /var/log/pods /var/log/containers /var/lib/cni /run/netns /run/containerd /etc/cni /opt/cni \
      /var/lib/kubelet /var/log/cncfdemo /run/cncfdemo /opt/cncfdemo; do
    if [ -e "$path" ]; then echo "path $path yes"; else echo "path $path no"; fi
  done
  for key in net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables \
      net.ipv4.conf.all.route_localnet; do
    file=/proc/sys/$(echo "$key" | tr . /)
    if [ -r "$file" ]; then echo "sysctl $key $(cat "$file")"; else echo "sysctl $key absent"; fi
  done
  if command -v iptables-save >/dev/null 2>&1; then
    for table in filter nat mangle raw; do
      iptables-save -t "$table" 2>/dev/null | awk -v t="$table" '/^:/ { print "chain " t " " substr($1, 2) }'
    done
  fi
} > "$tmp"
mv "$tmp" "$base"
echo "$cluster" > /etc/cncfdemo/cluster
echo changed
