#!/usr/bin/env bash
# Builds an image archive in the layout `docker save` writes (which `ctr images import` reads) from files of this
# machine, for clusters without a registry:
#   build-image.sh OUT.tar NAME:TAG [--add SOURCE:DEST]... [--entrypoint PATH] [--user UID] [CMD...]
# One layer: Debian's busybox-static as /bin/busybox with a link for each applet, /etc/passwd, /tmp, and each
# --add'ed executable (e.g. /usr/bin/prometheus-pushgateway:/bin/pushgateway) with the shared libraries it needs.
set -euo pipefail
out=$1 tag=$2; shift 2
adds=() entrypoint="" user=""
while [ $# -gt 0 ]; do
  case "$1" in
    --add) adds+=("$2"); shift 2 ;;
    --entrypoint) entrypoint=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    *) break ;;
  esac
done
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "build-image: $busybox missing (apt-get install busybox-static)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$work/image"
cp "$busybox" "$rootfs/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"
done
for add in "${adds[@]+"${adds[@]}"}"; do
  source=${add%%:*} dest=${add#*:}
  mkdir -p "$rootfs$(dirname "$dest")"
  cp "$source" "$rootfs$dest"
  for lib in $(ldd "$source" 2>/dev/null | grep -o '/[^ ]*' || true); do
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$work/image/layer.tar" .
diff_id=sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
json() { python3 -c 'import json, sys; print(json.dumps(sys.argv[1:]))' "$@"; }
entry=null
[ -z "$entrypoint" ] || entry=$(json "$entrypoint")
cat > "$work/image/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin:/usr/bin"],"Entrypoint":$entry,"Cmd":$(json "$@"),
 "User":"$user","WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created_by":"cncfdemo build-image.sh"}]}
CONFIG
config_id=$(sha256sum "$work/image/config.json" | cut -d' ' -f1)
mv "$work/image/config.json" "$work/image/$config_id.json"
echo "[{\"Config\":\"$config_id.json\",\"RepoTags\":[\"$tag\"],\"Layers\":[\"layer.tar\"]}]" > "$work/image/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work/image" -cf "$out" .
