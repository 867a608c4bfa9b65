//go:build tools

// Package tools pins promtool of Prometheus 3.5.0 (module v0.305.0) for scripts/install-promtool.sh.
package tools

import _ "github.com/prometheus/prometheus/cmd/promtool"
