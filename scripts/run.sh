#!/usr/bin/env bash
# Runs one command with the project's Node (see env.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
exec "$@"
