# Imports image archives (uploaded to /var/lib/cncfdemo/images) into containerd's k8s.io namespace, each once: an
# archive whose checksum was imported before is skipped.
#   sh -s -- ARCHIVE...
ctr="/opt/cncfdemo/bin/ctr --address /run/cncfdemo/containerd/containerd.sock --namespace k8s.io"
done_dir=/var/lib/cncfdemo/images/imported
mkdir -p "$done_dir"
changed=""
for archive in "$@"; do
  sum=$(sha256sum "$archive" | cut -d' ' -f1)
  [ -f "$done_dir/$sum" ] && continue
  $ctr images import "$archive" >/dev/null || exit 1
  touch "$done_dir/$sum"
  changed="$changed $(basename "$archive")"
done
if [ -n "$changed" ]; then echo "changed: imported$changed"; else echo unchanged; fi
