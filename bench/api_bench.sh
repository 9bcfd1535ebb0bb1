#!/usr/bin/env bash
# API benchmarks, printed one line each:
#   api_list_https     authenticated GET of a 10-source list (about 1.1 KB), HTTPS keep-alive, wrk
#                      1 thread 8 connections, vs nginx (2 workers) serving the same bytes from a
#                      file over HTTPS with the same certificate, in the same run
#   api_durable_writes POST of new sources, 16 connections, vs raw durable SQLite inserts
# Rounds alternate subject and baseline; medians are reported. Loopback only, bounded in time.
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_RUN:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"

start_logwardend "$build" "$work/data" --remotecfg-listen off
for i in $(seq -w 1 10); do
  curl -sk -o /dev/null -XPOST "$api/api/v2/logs/sources" -H "Authorization: Bearer $jwt" \
    -d "{\"name\":\"bench-source-$i\",\"enabled\":true,\"logFormat\":\"ZAP_JSON\",\"minLevel\":\"INFO\",\"journald\":{\"syslogIdentifier\":\"svc-$i\"}}"
done
curl -sk "$api/api/v2/logs/sources" -H "Authorization: Bearer $jwt" >"$work/body.json"
[ "$(jq '.sources | length' "$work/body.json")" = 10 ] || { echo "setup failed" >&2; exit 1; }
port=$(free_port)
start_nginx list "server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $work/data/tls/server.crt;
    ssl_certificate_key $work/data/tls/server.key;
    location = /api/v2/logs/sources { default_type application/json; alias $work/body.json; }
  }"
nginx="https://127.0.0.1:$port"
curl -sk "$nginx/api/v2/logs/sources" | cmp -s - "$work/body.json" || { echo "nginx does not serve the same bytes" >&2; exit 1; }

for r in $(seq "$rounds"); do
  wrk -t1 -c8 -d"${secs}s" --latency -H "Authorization: Bearer $jwt" "$api/api/v2/logs/sources" >"$work/api.$r"
  wrk -t1 -c8 -d"${secs}s" --latency -H "Authorization: Bearer $jwt" "$nginx/api/v2/logs/sources" >"$work/nginx.$r"
done
kill "$nginx_pid"
# Writes grow the store, so they run after every list round, on a fresh database per round.
kill "$server_pid"
for r in $(seq "$rounds"); do
  start_logwardend "$build" "$work/w$r" --remotecfg-listen off
  JWT="$jwt" wrk -t1 -c16 -d"${secs}s" -s "$here/post_source.lua" "$api/api/v2/logs/sources" >"$work/post.$r" 2>"$work/post.err.$r"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  "$build/bench/sqlite_durable_inserts" "$work/raw-$r.db" "$secs" >"$work/raw.$r"
done
bad=$(cat "$work"/post.err.* | grep -c unexpected || true)
[ "$bad" = 0 ] || echo "warning: $bad POSTs did not answer 201" >&2
raw() { cat "$1"; }

awk -v a="$(median_of rps "$work/api")" -v b="$(median_of rps "$work/nginx")" -v p="$(median_of p99ms "$work/api")" \
  -v s="$(stat -c %s "$work/body.json")" \
  'BEGIN {printf "api_list_https: %.0f req/s, p99 %.2f ms, %d-byte body (ratio %.2f vs nginx, 2 workers, same bytes over HTTPS at %.0f req/s)\n", a, p, s, a/b, b}'
awk -v a="$(median_of rps "$work/post")" -v b="$(median_of raw "$work/raw")" \
  'BEGIN {printf "api_durable_writes: %.0f writes/s (ratio %.2f vs raw durable SQLite inserts at %.0f rows/s)\n", a, a/b, b}'
