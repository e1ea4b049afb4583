#!/usr/bin/env bash
# Makes a fresh machine ready: system packages (when root), the project's Node, npm install, build.
# Usage: setup.sh [--tests]   (--tests adds what the test suite needs: keychain daemon, D-Bus, Chromium)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SWITCHBOARD_ROOT"

missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v make >/dev/null || missing+=(make)
command -v g++ >/dev/null || missing+=(g++)
command -v pkg-config >/dev/null || missing+=(pkg-config)
# keytar compiles against libsecret; at run time it talks to a Secret Service over D-Bus.
pkg-config --exists libsecret-1 2>/dev/null || missing+=(libsecret-1-dev)
if [ "${1:-}" = "--tests" ]; then
  command -v dbus-run-session >/dev/null || missing+=(dbus dbus-bin)
  command -v gnome-keyring-daemon >/dev/null || missing+=(gnome-keyring)
  command -v secret-tool >/dev/null || missing+=(libsecret-tools)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "switchboard: installing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "switchboard: missing system packages: ${missing[*]}" >&2
    echo "  install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run this again." >&2
    exit 1
  fi
fi

# Reinstall when the lockfile is newer than the installed tree, or the tree was built by another Node.
stamp=node_modules/.switchboard-node
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ "$(cat "$stamp" 2>/dev/null)" != "$(node -v)" ]; then
  echo "switchboard: npm ci (Node $(node -v))" >&2
  # The Electron binary is fetched on first launch where the network allows it; installs never need it.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2
  node -v > "$stamp"
fi
# A native module built for Electron's ABI (by a desktop launch) must be rebuilt for Node.
if ! node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; then
  echo "switchboard: rebuilding better-sqlite3 for Node $(node -v)" >&2
  npm rebuild better-sqlite3 --loglevel=error >&2
fi

if [ ! -f out/main/cli.js ] || [ -n "$(find electron shared renderer -newer out/main/cli.js -print -quit 2>/dev/null)" ]; then
  echo "switchboard: building" >&2
  electron-vite build >&2
fi
