#!/usr/bin/env bash
# Builds the trivial HTTP server of the load generator benchmark (scripts/http-target: Go standard
# library only, go.mod + an empty go.sum, -mod=readonly) into a cache directory outside the
# repository, when it is missing, and prints the binary's path on stdout (go's output goes to stderr).
#
# Cache: ${CNCFDEMO_HTTP_TARGET_CACHE:-$HOME/.cache/cncfdemo/http-target}/<hash of the sources>/http-target
# Built into a temp file and moved into place, so an interrupted build never looks finished;
# concurrent callers are serialized with flock (when available).
set -euo pipefail
main() {
  local dir cache hash out
  dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/http-target" && pwd)
  cache="${CNCFDEMO_HTTP_TARGET_CACHE:-$HOME/.cache/cncfdemo/http-target}"
  command -v go >/dev/null 2>&1 || { echo "http-target: go not found in PATH" >&2; exit 1; }
  hash=$(cat "$dir/go.mod" "$dir/go.sum" "$dir/main.go" <(go env GOVERSION) | sha256sum | cut -c1-16)
  out="$cache/$hash"
  if [[ ! -x "$out/http-target" ]]; then
    mkdir -p "$out"
    exec 9>"$out/.lock"
    command -v flock >/dev/null 2>&1 && flock 9
    if [[ ! -x "$out/http-target" ]]; then
      echo "http-target: building into $out" >&2
      (cd "$dir" && GOWORK=off CGO_ENABLED=0 GOFLAGS=-mod=readonly \
        go build -trimpath -buildvcs=false -o "$out/http-target.tmp" . >&2)
      mv "$out/http-target.tmp" "$out/http-target"
    fi
  fi
  echo "$out/http-target"
}
main "$@"
