#!/bin/sh
# Creates the directory of one volume on its node (run by local-path-provisioner in a helper pod).
set -eu
mkdir -m 0777 -p "$VOL_DIR"
