#!/usr/bin/env bash
# PID 1 of a test host (see testhosts.sh): mounts the host's own directories, a sysfs of its network namespace and
# its cgroups (rooted at its own cgroup), makes the rest of the file system read-only, starts sshd and then reaps
# orphans until it is killed - which ends every process of the host.
#   host-init.sh DIR NAME "HIERARCHY..."
set -euo pipefail
dir=$1 name=$2 hierarchies=$3
hostname "$name"
# /tmp last: the host's directory may lie below the real /tmp
for path in etc var opt run root home srv; do
  mount --bind "$dir/$path" "/$path"
done
mount -t sysfs sysfs /sys
mount -t tmpfs -o mode=755 cgroup /sys/fs/cgroup
for hierarchy in $hierarchies; do
  mkdir -p "$hierarchy"
  case "$(basename "$hierarchy")" in
    cgroup) mount -t cgroup2 cgroup2 "$hierarchy" ;;
    unified) mount -t cgroup2 cgroup2 "$hierarchy" ;;
    systemd) mount -t cgroup -o none,name=systemd cgroup "$hierarchy" ;;
    *) mount -t cgroup -o "$(basename "$hierarchy")" cgroup "$hierarchy" ;;
  esac
done
if [ -f "$dir/swaps" ]; then
  mount --bind "$dir/swaps" /proc/swaps
fi
mount --bind "$dir/tmp" /tmp
mount -o remount,bind,ro /
mkdir -p /run/sshd /run/lock
chmod 0755 /run/sshd
/usr/sbin/sshd -f /etc/ssh/sshd_config -E /var/log/sshd.log
trap 'exit 0' TERM INT
while :; do
  wait || true
  sleep 1 &
  wait $! || true
done
