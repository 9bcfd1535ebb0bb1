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
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLW_BUILD_TESTS="$([ "$mode" = test ] && echo ON || echo OFF)" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"

if [ "$mode" = test ]; then
  # Server tests start logwardend on ephemeral loopback ports; two at a time fits a 2-core machine.
  ctest --test-dir "$build_dir" --output-on-failure --parallel 2 --timeout 300
  exit $?
fi

server="$build_dir/app/server/logwardend"
console="$build_dir/app/console/logwarden"
listen="${LW_LISTEN:-127.0.0.1:8443}"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$console" ]; then
  "$server" --listen "$listen" &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT
  sleep 1
  "$console" --server "https://$listen"
else
  exec "$server" --listen "$listen"
fi
