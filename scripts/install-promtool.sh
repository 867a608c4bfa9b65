#!/usr/bin/env bash
# Builds promtool of Prometheus 3.5.0 (the version of the demo's prom/prometheus image) from its Go module and installs
# it as /usr/local/bin/promtool, for PrometheusConfigTest. Debian's promtool (package prometheus, 2.42 in bookworm) is
# built without Kubernetes service discovery and rejects every kubernetes_sd_configs, so it cannot check the demo's
# configuration. Needs Go 1.24 or newer and the Go module proxy; takes a few minutes the first time, then is cached.
set -euo pipefail

version="${PROMETHEUS_MODULE_VERSION:-v0.305.0}"   # Prometheus 3.5.0
target="${PROMTOOL_TARGET:-/usr/local/bin/promtool}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -x "$target" ]; then
  echo "promtool already installed at $target"
  exit 0
fi

cd "$work"
cat > go.mod <<MOD
module local/promtool

go 1.24

require github.com/prometheus/prometheus $version
MOD
cat > tools.go <<'GO'
//go:build tools

package tools

import _ "github.com/prometheus/prometheus/cmd/promtool"
GO
# "go install pkg@version" refuses Prometheus' go.mod (it has replace directives), so build it as a dependency.
GOFLAGS=-mod=mod go mod tidy
GOFLAGS=-mod=mod go build -o "$target" github.com/prometheus/prometheus/cmd/promtool
echo "installed $("$target" --version 2>&1 | head -1) from github.com/prometheus/prometheus $version at $target"
