#!/usr/bin/env bash
# Runs a test inside a private D-Bus session with an unlocked gnome-keyring (its secrets service).
set -euo pipefail
exec dbus-run-session -- bash -c '
  eval "$(printf "test-password" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec "$@"' _ "$@"
