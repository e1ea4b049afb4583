#!/usr/bin/env bash
# `npm start`: the desktop app where the Electron binary is installed, browser mode where it is not.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SWITCHBOARD_ROOT"
bash scripts/setup.sh

electron_binary() {
  local path_file=node_modules/electron/path.txt
  [ -f "$path_file" ] && [ -x "node_modules/electron/dist/$(cat "$path_file")" ]
}
if ! electron_binary; then
  # One quiet try at Electron's own download; it fails fast where the network is closed.
  timeout 300 node node_modules/electron/install.js >/dev/null 2>&1 || true
fi
if electron_binary; then
  # better-sqlite3 must match Electron's ABI (keytar is N-API and loads in both).
  electron-rebuild -f -o better-sqlite3 >&2
  exec electron-vite preview
fi
echo "switchboard: the Electron binary is not installed (it could not be downloaded here), so Switchboard starts in browser mode." >&2
exec node bin/switchboard.mjs serve "$@"
