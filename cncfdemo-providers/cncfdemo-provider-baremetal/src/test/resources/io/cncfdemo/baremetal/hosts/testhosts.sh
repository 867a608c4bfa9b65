#!/usr/bin/env bash
# Test hosts on this machine, for the bare-metal provider's integration tests. Each host is a network namespace
# joined by a veth pair to a bridge the tests own, with its own mount, UTS, IPC, PID and cgroup namespaces, its own
# /etc, /var, /opt, /run, /tmp, /root, /home and /srv (bind mounts of a per-host directory; the rest of the file
# system is read-only inside), and a real OpenSSH server with its own host key. Addresses come from 10.233.0.0/16,
# which only these namespaces use: the root namespace gets an `unreachable` route for the whole range, so no
# packet for it ever leaves this machine.
#
#   testhosts.sh clean                           remove every host, bridge, route and directory of a previous run
#   testhosts.sh bridge NAME [ADDRESS/PREFIX]    a bridge (with an address of the root namespace, or none)
#   testhosts.sh host NAME BRIDGE=ADDR/PREFIX... one host, one interface per bridge (eth0, eth1, ...)
#   testhosts.sh stop NAME                       kill every process of a host (its PID 1 takes all with it)
#
# Per host, the environment may set: AUTHORIZED_KEY (a public key file, for root, ops and nosudo), SWAP (a
# /proc/swaps text the host shows instead of the real one). The host's directory is $ROOT/NAME; its host key's
# public half is $ROOT/NAME/etc/ssh/ssh_host_ed25519_key.pub.
set -euo pipefail

PREFIX=cdbm-
ROOT=${CNCFDEMO_TESTHOSTS_ROOT:-/tmp/cncfdemo-testhosts}
RANGE=10.233.0.0/16
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { echo "testhosts: $*" >&2; }

# Every cgroup v1 hierarchy (or the v2 one) of the root namespace, as mount point and mount options.
hierarchies() {
  awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/self/mounts
}

# The pids in a host's cgroups (every process of the host, the pods in their own network namespaces included).
host_pids() {
  local hierarchy
  for hierarchy in $(hierarchies); do
    find "$hierarchy" -mindepth 2 -path "$hierarchy/$1/*" -name cgroup.procs -exec cat {} + 2>/dev/null
    cat "$hierarchy/$1/cgroup.procs" 2>/dev/null || true
  done | sort -u
}

kill_host() {
  local ns=$1 pid
  for _ in $(seq 100); do
    local pids
    pids="$( { ip netns pids "$ns" 2>/dev/null; host_pids "$ns"; } || true)"
    [ -n "${pids//[[:space:]]/}" ] || return 0
    for pid in $pids; do kill -9 "$pid" 2>/dev/null || true; done
    sleep 0.1
  done
  log "$ns: processes left after 10s: $(host_pids "$ns" | tr '\n' ' ')"
}

clean() {
  local ns dir hierarchy
  local hosts
  hosts="$( (ip netns list 2>/dev/null | awk '{ print $1 }'; for hierarchy in $(hierarchies); do
    ls "$hierarchy" 2>/dev/null; done) | grep "^$PREFIX" | sort -u || true)"
  for ns in $hosts; do kill_host "$ns"; done
  for hierarchy in $(hierarchies); do
    # depth first: the kubelets' kubepods/... below each host's cgroup go before it
    find "$hierarchy" -mindepth 1 -depth -type d -path "$hierarchy/$PREFIX*" -exec rmdir {} + 2>/dev/null || true
  done
  for ns in $(ip netns list 2>/dev/null | awk '{ print $1 }' | grep "^$PREFIX" || true); do
    ip netns delete "$ns" 2>/dev/null || true
  done
  for dir in $(ip -o link show type bridge 2>/dev/null | awk -F': ' '{ print $2 }' | grep "^$PREFIX" || true); do
    ip link delete "$dir" 2>/dev/null || true
  done
  ip route del unreachable "$RANGE" 2>/dev/null || true
  if [ -d "$ROOT" ]; then
    rm -rf --one-file-system "$ROOT"
  fi
}

bridge() {
  local name=$PREFIX$1 address=${2:-}
  ip route replace unreachable "$RANGE"
  ip link add "$name" type bridge
  # bridged traffic between the hosts must not meet the root namespace's firewall
  ip link set "$name" type bridge nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0
  [ -z "$address" ] || ip addr add "$address" dev "$name"
  ip link set "$name" up
}

make_root() {
  local name=$1 dir=$ROOT/$1 key=${AUTHORIZED_KEY:-}
  mkdir -p "$dir"
  cp -a /etc "$dir/etc"
  rm -f "$dir"/etc/ssh/ssh_host_*
  mkdir -p "$dir"/{opt,run,tmp,root,home/ops,home/nosudo,srv} "$dir"/var/{lib,log,tmp,cache,spool,backups,local,mail}
  ln -s ../run "$dir/var/run"
  ln -s ../run/lock "$dir/var/lock"
  chmod 1777 "$dir/tmp" "$dir/var/tmp"
  chmod 700 "$dir/root"
  echo "$name" > "$dir/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$name" > "$dir/etc/hosts"
  # ops may use sudo without a password; nosudo may not use it at all
  echo "ops:x:1001:1001::/home/ops:/bin/bash" >> "$dir/etc/passwd"
  echo "nosudo:x:1002:1002::/home/nosudo:/bin/bash" >> "$dir/etc/passwd"
  echo "ops:x:1001:" >> "$dir/etc/group"
  echo "nosudo:x:1002:" >> "$dir/etc/group"
  echo "ops:*:19000:0:99999:7:::" >> "$dir/etc/shadow"
  echo "nosudo:*:19000:0:99999:7:::" >> "$dir/etc/shadow"
  chown 1001:1001 "$dir/home/ops"
  chown 1002:1002 "$dir/home/nosudo"
  mkdir -p "$dir/etc/sudoers.d"
  echo "ops ALL=(ALL) NOPASSWD:ALL" > "$dir/etc/sudoers.d/ops"
  chmod 0440 "$dir/etc/sudoers.d/ops"
  ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$dir/etc/ssh/ssh_host_ed25519_key"
  mkdir -p "$dir/etc/ssh/authorized_keys"
  if [ -n "$key" ]; then
    for user in root ops nosudo; do install -m 0644 "$key" "$dir/etc/ssh/authorized_keys/$user"; done
  fi
  cat > "$dir/etc/ssh/sshd_config" <<CONFIG
Port 22
ListenAddress 0.0.0.0
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AuthorizedKeysFile /etc/ssh/authorized_keys/%u
PidFile /run/sshd.pid
AllowTcpForwarding yes
MaxSessions 64
MaxStartups 64:30:128
Subsystem sftp internal-sftp
CONFIG
  if [ -n "${SWAP:-}" ]; then
    printf '%s\n' "$SWAP" > "$dir/swaps"
  fi
}

host() {
  local name=$1; shift
  local ns=$PREFIX$name dir=$ROOT/$name index=0 spec bridge address
  make_root "$name"
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  for spec in "$@"; do
    bridge=$PREFIX${spec%%=*}
    address=${spec#*=}
    ip link add "$ns-$index" type veth peer name "eth$index" netns "$ns"
    ip link set "$ns-$index" master "$bridge" up
    ip -n "$ns" addr add "$address" dev "eth$index"
    ip -n "$ns" link set "eth$index" up
    index=$((index + 1))
  done
  local hierarchy
  for hierarchy in $(hierarchies); do
    mkdir -p "$hierarchy/$ns"
    if [ -f "$hierarchy/cpuset.cpus" ]; then
      cat "$hierarchy/cpuset.cpus" > "$hierarchy/$ns/cpuset.cpus"
      cat "$hierarchy/cpuset.mems" > "$hierarchy/$ns/cpuset.mems"
    fi
  done
  (
    for hierarchy in $(hierarchies); do echo "$BASHPID" > "$hierarchy/$ns/cgroup.procs"; done
    exec nsenter --net="/run/netns/$ns" -- unshare --mount --uts --ipc --pid --cgroup --fork --mount-proc \
      --propagation private -- bash "$SCRIPT_DIR/host-init.sh" "$dir" "$name" "$(hierarchies | tr '\n' ' ')"
  ) > "$dir/init.log" 2>&1 < /dev/null &
  local init=$! started=$SECONDS
  until [ -f "$dir/run/sshd.pid" ]; do
    if ! kill -0 "$init" 2>/dev/null || [ $((SECONDS - started)) -gt 20 ]; then
      log "$name: sshd did not start; init.log:"; cat "$dir/init.log" >&2; exit 1
    fi
    sleep 0.1
  done
}

stop() {
  kill_host "$PREFIX$1"
}

command=${1:-}
shift || true
case "$command" in
  clean) clean ;;
  bridge) bridge "$@" ;;
  host) host "$@" ;;
  stop) stop "$@" ;;
  *) echo "usage: $0 clean | bridge NAME [ADDRESS/PREFIX] | host NAME BRIDGE=ADDRESS/PREFIX... | stop NAME" >&2; exit 2 ;;
esac
