# What the preflight needs to know about a host, as key=value lines; reads only, changes nothing.
#   sh -s -- CLUSTER "PORT:SERVICE ..." COMMAND...
cluster=$1 ports=$2; shift 2
echo "os=$(uname -s)"
echo "arch=$(uname -m)"
echo "kernel=$(uname -r)"
if [ -r /etc/os-release ]; then . /etc/os-release; echo "distro=${ID:-unknown} ${VERSION_ID:-}"; fi
echo "hostname=$(hostname)"
echo "swaps=$(awk 'NR > 1' /proc/swaps 2>/dev/null | wc -l)"
if grep -qw overlay /proc/filesystems 2>/dev/null; then echo overlay=yes
elif modprobe -n overlay 2>/dev/null; then echo overlay=module
else echo overlay=no; fi
if [ -e /proc/sys/net/bridge/bridge-nf-call-iptables ]; then echo br_netfilter=yes
elif modprobe -n br_netfilter 2>/dev/null; then echo br_netfilter=module
else echo br_netfilter=no; fi
if [ "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" = cgroup2fs ]; then
  echo cgroup=v2
  grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null && echo memory_cgroup=yes || echo memory_cgroup=no
else
  echo cgroup=v1
  [ -d /sys/fs/cgroup/memory ] && echo memory_cgroup=yes || echo memory_cgroup=no
fi
[ -d /run/systemd/system ] && echo systemd=yes || echo systemd=no
caps=$(awk '/^CapEff/ { print $2 }' /proc/self/status)
# CAP_SYS_RESOURCE is bit 24: without it nothing may lower an oom_score_adj
if [ $(( 0x$caps >> 24 & 1 )) -eq 1 ]; then echo cap_sys_resource=yes; else echo cap_sys_resource=no; fi
echo "now=$(date +%s)"
echo "cluster=$(cat /etc/cncfdemo/cluster 2>/dev/null)"
echo "addresses=$(ip -o -4 addr show 2>/dev/null | awk '$2 != "cncfdemo0" { print $4 }' | tr '\n' ' ')"
echo "free_kb=$(df -Pk /var/lib 2>/dev/null | awk 'NR == 2 { print $4 }')"
listening=$(for f in /proc/net/tcp /proc/net/tcp6; do [ -r $f ] && awk 'NR > 1 && $4 == "0A" { split($2, a, ":"); print a[2] }' $f; done)
busy=""
for pair in $ports; do
  port=${pair%%:*} service=${pair#*:}
  hex=$(printf '%04X' "$port")
  if echo "$listening" | grep -qx "$hex"; then
    pid=$(cat "/run/cncfdemo/$service.pid" 2>/dev/null)
    if [ "$(cat /etc/cncfdemo/cluster 2>/dev/null)" = "$cluster" ] && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      continue # held by this cluster's own service: a resumed create
    fi
    busy="$busy $port"
  fi
done
echo "ports_in_use=${busy# }"
missing=""
for command in "$@"; do
  command -v "$command" >/dev/null 2>&1 || missing="$missing $command"
done
echo "missing=${missing# }"
