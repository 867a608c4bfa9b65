#!/usr/bin/env bash
# Builds an image archive in the layout `docker save` writes (which `ctr images import` reads) from Debian's
# busybox-static, for clusters without a registry:
#   build-image.sh OUT.tar NAME:TAG [CMD...]
# One layer: /bin/busybox, a link for each of its applets, /etc/passwd, /tmp. CMD becomes the image's Cmd.
set -euo pipefail
out=$1 tag=$2; shift 2
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "build-image: $busybox missing (apt-get install busybox-static)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp" "$work/rootfs/www" "$work/image"
cp "$busybox" "$work/rootfs/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$work/rootfs/bin/$applet"
done
echo "root:x:0:0:root:/root:/bin/sh" > "$work/rootfs/etc/passwd"
echo "nobody:x:65534:65534:nobody:/:/bin/sh" >> "$work/rootfs/etc/passwd"
echo "root:x:0:" > "$work/rootfs/etc/group"
chmod 1777 "$work/rootfs/tmp"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work/rootfs" -cf "$work/image/layer.tar" .
diff_id=sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cmd_json=$(printf '%s\n' "$@" | python3 -c 'import json,sys; print(json.dumps([l.rstrip("\n") for l in sys.stdin if l.strip()]))')
cat > "$work/image/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin"],"Cmd":$cmd_json,"WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},"history":[{"created_by":"cncfdemo build-image.sh"}]}
CONFIG
config_id=$(sha256sum "$work/image/config.json" | cut -d' ' -f1)
mv "$work/image/config.json" "$work/image/$config_id.json"
echo "[{\"Config\":\"$config_id.json\",\"RepoTags\":[\"$tag\"],\"Layers\":[\"layer.tar\"]}]" > "$work/image/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work/image" -cf "$out" .
