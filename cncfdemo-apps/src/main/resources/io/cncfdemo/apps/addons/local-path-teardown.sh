#!/bin/sh
# Removes the directory of one volume from its node (run by local-path-provisioner in a helper pod).
set -eu
rm -rf "$VOL_DIR"
