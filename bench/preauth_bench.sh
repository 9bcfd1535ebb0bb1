#!/usr/bin/env bash
# preauth_memory: peak growth of the server's resident memory while 50 clients without any
# credential each declare a 1 GiB body on POST /api/v2/logs/sources over HTTPS and stream zeros
# until answered; vs nginx (2 workers, client_max_body_size 1m) under the same clients in the same
# run (its workers' RSS summed). Medians of ROUNDS. Target: < 64 MiB.
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-3}"
clients="${CLIENTS:-50}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"

rss_kib() { local total=0 p; for p in "$@"; do total=$((total + $(awk '/VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done; echo "$total"; }
# measure NAME URL PID…: peak RSS growth (KiB) of the PIDs while the clients run.
measure() {
  local name=$1 url=$2; shift 2
  local before peak now
  before=$(rss_kib "$@"); peak=$before
  python3 "$here/preauth_clients.py" "$url" "$clients" >"$work/$name.clients" &
  local client_pid=$!
  while kill -0 "$client_pid" 2>/dev/null; do
    now=$(rss_kib "$@"); [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.02
  done
  wait "$client_pid"
  echo $((peak - before))
}

start_logwardend "$build" "$work/data" --remotecfg-listen off
port=$(free_port)
start_nginx preauth "server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $work/data/tls/server.crt;
    ssl_certificate_key $work/data/tls/server.key;
    location / { return 404; }
  }"
workers=$(pgrep -P "$nginx_pid" | tr '\n' ' ')
for r in $(seq "$rounds"); do
  measure lw.$r "$api/api/v2/logs/sources" "$server_pid" >"$work/lw.$r"
  measure nginx.$r "https://127.0.0.1:$port/api/v2/logs/sources" $workers >"$work/nginx.$r"
done
read -r answered statuses most <"$work/lw.1.clients"
[ "$statuses" = 413 ] || echo "warning: logwardend answered $statuses" >&2
kib() { cat "$1"; }
awk -v a="$(median_of kib "$work/lw")" -v b="$(median_of kib "$work/nginx")" -v c="$clients" -v m="$most" -v s="$statuses" \
  'BEGIN {printf "preauth_memory: %.1f MiB peak RSS growth under %d anonymous 1 GiB uploads, each answered %s after at most %d body bytes sent (ratio %.2f vs nginx at %.1f MiB; target < 64 MiB)\n", a/1024, c, s, m, (b > 0 ? a/b : 0), b/1024}'
