# Removes everything the bootstrap made on this host and puts back what it changed, from the record baseline.sh
# kept: services, containers and their shims, mounts, the pod bridge and network namespaces, its routes and iptables
# chains (only those: no table or built-in chain is ever flushed, so the rules that keep SSH open stay), sysctls,
# the /etc/hosts block, files and directories. Harmless on a clean host. Prints one line per thing removed.
#   sh -s -- CLUSTER
cluster=$1
owner=$(cat /etc/cncfdemo/cluster 2>/dev/null)
if [ -n "$owner" ] && [ "$owner" != "$cluster" ]; then
  echo "this host belongs to the cncfdemo cluster $owner, not $cluster: left as it is" >&2
  exit 3
fi
base=/var/lib/cncfdemo/baseline
if [ -z "$owner" ] && [ ! -e /var/lib/cncfdemo ] && [ ! -e /opt/cncfdemo ] && [ ! -e /etc/cncfdemo ]; then
  echo "nothing of cncfdemo here"
  exit 0
fi
was() { awk -v p="$1" '$1 == "path" && $2 == p { print $3 }' "$base" 2>/dev/null; }
ctr="/opt/cncfdemo/bin/ctr --address /run/cncfdemo/containerd/containerd.sock --namespace k8s.io"
service() { sh -c "$SERVICE_SH" service "$@"; }

# 1. what runs on it
for name in kube-proxy kubelet; do service stop "$name"; done
if [ -x /opt/cncfdemo/bin/kube-proxy ] && /opt/cncfdemo/bin/kube-proxy --cleanup >/dev/null 2>&1; then
  echo "kube-proxy's iptables rules removed"
fi
if [ -S /run/cncfdemo/containerd/containerd.sock ]; then
  tasks=$($ctr tasks ls -q 2>/dev/null)
  for task in $tasks; do $ctr tasks kill -s SIGKILL "$task" >/dev/null 2>&1; done
  for task in $tasks; do
    i=0; while [ $i -lt 50 ] && $ctr tasks ls -q 2>/dev/null | grep -qx "$task"; do $ctr tasks rm -f "$task" >/dev/null 2>&1; sleep 0.1; i=$((i + 1)); done
  done
  [ -n "$tasks" ] && echo "$(echo "$tasks" | wc -w) container(s) killed"
fi
for name in containerd kube-scheduler kube-controller-manager kube-apiserver etcd; do service stop "$name"; done
# shims outlive containerd by design: end those of this containerd, and anything else still running from
# /opt/cncfdemo or a service script of /etc/cncfdemo (a supervisor that lost its pid file)
shims=""
for dir in /proc/[0-9]*; do
  exe=$(readlink "$dir/exe" 2>/dev/null)
  case "$exe" in /opt/cncfdemo/*) shims="$shims ${dir#/proc/}"; continue ;; esac
  tr '\0' ' ' < "$dir/cmdline" 2>/dev/null | grep -q " /etc/cncfdemo/services/" && shims="$shims ${dir#/proc/}"
done
if [ -n "$shims" ]; then
  kill -9 $shims 2>/dev/null
  echo "$(echo $shims | wc -w) leftover process(es) of /opt/cncfdemo killed"
fi

# 2. mounts below cncfdemo's directories (and the pods' network namespaces), deepest first
mounts=$(awk '{ print $5 }' /proc/self/mountinfo | grep -E '^(/var/lib/cncfdemo|/run/cncfdemo|/run/netns/cni-)' | sort -r)
for mount in $mounts; do umount -l "$mount" 2>/dev/null; done
[ -n "$mounts" ] && echo "$(echo "$mounts" | wc -l) mount(s) unmounted"

# 3. network: the pod bridge, the pods' namespaces, routes, iptables chains that were not there before
if ip link show cncfdemo0 >/dev/null 2>&1; then ip link delete cncfdemo0 && echo "bridge cncfdemo0 removed"; fi
for ns in /run/netns/cni-*; do [ -e "$ns" ] && rm -f "$ns" && echo "network namespace ${ns#/run/netns/} removed"; done
if [ -n "$(ip -4 route show proto 211)" ]; then
  ip -4 route flush proto 211 && echo "routes to the pod subnets removed"
fi
if command -v iptables-save >/dev/null 2>&1; then
  for table in filter nat mangle raw; do
    existing=$(iptables-save -t "$table" 2>/dev/null | awk '/^:/ { print substr($1, 2) }')
    for chain in $existing; do
      case "$chain" in CNCFDEMO-*|CNI-*|KUBE-*) ;; *) continue ;; esac
      grep -qx "chain $table $chain" "$base" 2>/dev/null && continue
      # first the rules that jump to it, in any chain, then the chain itself
      iptables-save -t "$table" | grep -- "-j $chain\( \|$\)" | sed 's/^-A /-D /' | while read -r rule; do
        eval "iptables -t $table $rule" 2>/dev/null
      done
      iptables -t "$table" -F "$chain" 2>/dev/null
    done
    for chain in $existing; do
      case "$chain" in CNCFDEMO-*|CNI-*|KUBE-*) ;; *) continue ;; esac
      grep -qx "chain $table $chain" "$base" 2>/dev/null && continue
      iptables -t "$table" -X "$chain" 2>/dev/null && echo "iptables chain $table/$chain removed"
    done
  done
fi

# 4. kernel settings, as they were
if [ -f "$base" ]; then
  awk '$1 == "sysctl" && $3 != "absent" { print $2 " " $3 }' "$base" | while read -r key value; do
    file=/proc/sys/$(echo "$key" | tr . /)
    if [ -w "$file" ] && [ "$(cat "$file")" != "$value" ]; then echo "$value" > "$file" && echo "$key set back to $value"; fi
  done
fi

# 5. /etc/hosts
begin="# BEGIN cncfdemo $cluster (written by cncfdemo; removed by its destroy)"
end="# END cncfdemo $cluster"
if grep -qxF "$begin" /etc/hosts; then
  tmp=/etc/hosts.cncfdemo.$$
  awk -v b="$begin" -v e="$end" '$0 == b { on = 1 } !on { print } $0 == e { on = 0 }' /etc/hosts > "$tmp"
  cat "$tmp" > /etc/hosts && rm -f "$tmp" && echo "/etc/hosts entries removed"
fi

# 6. files: what did not exist before, then cncfdemo's own directories, the record last
for path in /var/log/pods /var/log/containers /var/lib/cni /run/netns /run/containerd /etc/cni /opt/cni /var/lib/kubelet; do
  if [ -e "$path" ] && [ "$(was "$path")" = no ]; then rm -rf "$path" && echo "$path removed"; fi
done
for path in /opt/cncfdemo /var/log/cncfdemo /run/cncfdemo /etc/cncfdemo /var/lib/cncfdemo; do
  if [ -e "$path" ]; then rm -rf "$path" && echo "$path removed"; fi
done
