# Downloads release files on this host with curl, checks each against its published SHA-256 sum, and installs the
# files it holds; a file whose install records this URL already is left alone (so a second run changes nothing).
#   sh -s -- "URL SUMS-URL MEMBER=TARGET..."...     MEMBER . is the downloaded file itself, else a member of the archive
changed=""
done_dir=/var/lib/cncfdemo/downloads
mkdir -p "$done_dir"
for line in "$@"; do
  set -- $line
  url=$1 sums=$2; shift 2
  mark="$done_dir/$(printf '%s' "$url" | sha256sum | cut -d' ' -f1)"
  all_there=yes
  for pair in "$@"; do [ -x "${pair#*=}" ] || all_there=no; done
  if [ -f "$mark" ] && [ "$all_there" = yes ]; then continue; fi
  work=$(mktemp -d)
  name=${url##*/}
  if ! curl -fsSL --retry 3 -o "$work/$name" "$url"; then echo "could not download $url" >&2; rm -rf "$work"; exit 1; fi
  if ! curl -fsSL --retry 3 -o "$work/sums" "$sums"; then echo "could not download $sums" >&2; rm -rf "$work"; exit 1; fi
  want=$(awk -v n="$name" 'NF == 1 { print $1; exit } { f = $2; sub(/^\*/, "", f); if (f == n || f ~ ("/" n "$")) { print $1; exit } }' "$work/sums")
  got=$(sha256sum "$work/$name" | cut -d' ' -f1)
  if [ -z "$want" ] || [ "$want" != "$got" ]; then
    echo "the SHA-256 of $url is $got, not ${want:-(no sum for $name in $sums)}: not installed" >&2
    rm -rf "$work"; exit 1
  fi
  case "$name" in *.tar.gz|*.tgz) mkdir "$work/x" && tar -xzf "$work/$name" -C "$work/x" || { rm -rf "$work"; exit 1; } ;; esac
  for pair in "$@"; do
    member=${pair%%=*} target=${pair#*=}
    if [ "$member" = . ]; then source=$work/$name; else source=$work/x/$member; fi
    [ -f "$source" ] || { echo "$url has no $member" >&2; rm -rf "$work"; exit 1; }
    mkdir -p "$(dirname "$target")"
    install -m 0755 "$source" "$target.download.$$" && mv -f "$target.download.$$" "$target" || { rm -rf "$work"; exit 1; }
  done
  echo "$url" > "$mark"
  rm -rf "$work"
  changed="$changed $name"
done
if [ -n "$changed" ]; then echo "changed: downloaded$changed"; else echo unchanged; fi
