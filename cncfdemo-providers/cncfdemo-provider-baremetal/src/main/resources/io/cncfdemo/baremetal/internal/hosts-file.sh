# Writes the cluster's block of /etc/hosts (between marker lines), replacing an older one; the rest stays as it is.
#   sh -s -- CLUSTER "ADDRESS NAME"...
cluster=$1; shift
begin="# BEGIN cncfdemo $cluster (written by cncfdemo; removed by its destroy)"
end="# END cncfdemo $cluster"
block=$(printf '%s\n' "$begin"; for entry in "$@"; do printf '%s\n' "$entry"; done; printf '%s\n' "$end")
current=$(awk -v b="$begin" -v e="$end" '$0 == b { on = 1 } on { print } $0 == e { on = 0 }' /etc/hosts)
if [ "$current" = "$block" ]; then echo unchanged; exit 0; fi
tmp=/etc/hosts.cncfdemo.$$
awk -v b="$begin" -v e="$end" '$0 == b { on = 1 } !on { print } $0 == e { on = 0 }' /etc/hosts > "$tmp"
printf '%s\n' "$block" >> "$tmp"
# rewrite in place: /etc/hosts may be a bind mount or a file that other programs hold open
cat "$tmp" > /etc/hosts
rm -f "$tmp"
echo changed
