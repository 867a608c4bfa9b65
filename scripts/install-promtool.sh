#!/usr/bin/env bash
# Builds promtool of Prometheus 3.5.0 (the version of the demo's prom/prometheus image) from its Go module and installs
# it as /usr/local/bin/promtool, for PrometheusConfigTest. Debian's promtool (package prometheus, 2.42 in bookworm) is
# built without Kubernetes service discovery and rejects every kubernetes_sd_configs, so it cannot check the demo's
# configuration. Needs Go 1.24 or newer and the Go module proxy; takes a few minutes the first time, then is cached.
# Every module version and checksum is pinned by scripts/promtool/go.{mod,sum} (Prometheus 3.5.0 is module v0.305.0)
# and the build runs with -mod=readonly, so nothing resolves afresh. To move the version: edit go.mod there, then run
# `GOFLAGS=-mod=mod go mod tidy` in that directory and check both files in.
set -euo pipefail

pins="$(cd "$(dirname "$0")/promtool" && pwd)"
target="${PROMTOOL_TARGET:-/usr/local/bin/promtool}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -x "$target" ]; then
  echo "promtool already installed at $target"
  exit 0
fi

cp "$pins/go.mod" "$pins/go.sum" "$pins/tools.go" "$work/"
cd "$work"
# "go install pkg@version" refuses Prometheus' go.mod (it has replace directives), so build it as a dependency.
GOFLAGS=-mod=readonly go build -trimpath -o "$target.tmp" github.com/prometheus/prometheus/cmd/promtool
mv "$target.tmp" "$target"
echo "installed $("$target" --version 2>&1 | head -1) at $target, pinned by scripts/promtool/go.sum"
