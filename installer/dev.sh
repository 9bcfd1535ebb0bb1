#!/usr/bin/env bash
# The two set-up commands of the README:
#   installer/dev.sh run    install dependencies, build, run logwardend (and the console when a display exists)
#   installer/dev.sh test   install dependencies, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 64 ;; esac

bash installer/install-deps.sh

build_dir="${LW_BUILD_DIR:-build}"
# One configuration for both commands, so switching between them never rebuilds everything.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLW_BUILD_TESTS=ON >/dev/null
if [ "$mode" = test ]; then
  cmake --build "$build_dir" --parallel "$(nproc)"
else
  cmake --build "$build_dir" --parallel "$(nproc)" --target logwardend logwarden
fi

if [ "$mode" = test ]; then
  # Server tests start logwardend on ephemeral loopback ports; two at a time fits a 2-core machine.
  ctest --test-dir "$build_dir" --output-on-failure --parallel 2 --timeout 600
  # Then the same suite under AddressSanitizer + UndefinedBehaviorSanitizer, and every fuzz target
  # over its corpus and for LW_FUZZ_SECONDS more (LW_SANITIZE=0 skips both, for a quick local run).
  if [ "${LW_SANITIZE:-1}" != 0 ]; then
    bash installer/sanitize.sh "${LW_FUZZ_SECONDS:-20}"
  fi
  exit 0
fi

server="$build_dir/app/server/logwardend"
console="$build_dir/app/console/logwarden"
listen="${LW_LISTEN:-127.0.0.1:8443}"
if [ "$(id -u)" -eq 0 ]; then data_dir="${LOGWARDEND_DATA_DIR:-/var/lib/logwardend}"
else data_dir="${LOGWARDEND_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/logwardend}"; fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$console" ]; then
  "$server" --listen "$listen" --data-dir "$data_dir" &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT
  for _ in $(seq 50); do [ -s "$data_dir/system_jwt" ] && break; sleep 0.2; done
  # The console asks once to pin the server's self-signed certificate, and keeps the token in the keychain.
  host="${listen%:*}"; [ "$host" = 0.0.0.0 ] && host=127.0.0.1
  "$console" --server "https://$host:${listen##*:}" --token-file "$data_dir/system_jwt"
else
  exec "$server" --listen "$listen" --data-dir "$data_dir"
fi
