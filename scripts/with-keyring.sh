#!/usr/bin/env bash
# Runs a command against a real Secret Service in a throwaway keyring: its own D-Bus session,
# gnome-keyring unlocked with a test password, data in a temporary XDG_DATA_HOME. A real
# keyring is never touched.
set -euo pipefail
if [ $# -eq 0 ]; then echo "usage: with-keyring.sh COMMAND [ARGS...]" >&2; exit 2; fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing (apt-get install dbus gnome-keyring)" >&2; exit 1; }
done
keyring_home="$(mktemp -d -t switchboard-keyring-XXXXXX)"
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_CONFIG_HOME="$keyring_home/config" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export SWITCHBOARD_TEST_KEYRING=1
exec dbus-run-session -- bash -c '
  set -euo pipefail
  # --unlock creates the login keyring with this password and unlocks it; --start then
  # brings up the secrets component on this session bus.
  eval "$(printf %s switchboard-test-password | gnome-keyring-daemon --unlock --components=secrets)"
  eval "$(gnome-keyring-daemon --start --components=secrets)"
  export GNOME_KEYRING_CONTROL
  "$@"
' with-keyring "$@"
