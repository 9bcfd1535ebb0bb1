#!/usr/bin/env bash
# Issue 2 benchmarks, printed one line each:
#   api_list_sources   authenticated GET of 100 sources, HTTPS keep-alive, 32 connections,
#                      vs a bare QHttpServer returning the same bytes over the same TLS
#   api_durable_writes POST of new sources, 16 connections, vs raw durable SQLite inserts
# Rounds alternate subject and baseline; medians are reported. Loopback only, bounded in time.
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_RUN:-8}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$build/app/server/logwardend" --data-dir "$work/data" --listen 127.0.0.1:0 --access-log off >"$work/server.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "API on" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*API on https:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.out")
export JWT="$(cat "$work/data/system_jwt")"
url="https://127.0.0.1:$port"
for i in $(seq -w 1 100); do
  curl -sk -o /dev/null -XPOST "$url/api/v2/logs/sources" -H "Authorization: Bearer $JWT" \
    -d "{\"name\":\"bench-source-$i\",\"enabled\":true,\"logFormat\":\"ZAP_JSON\",\"minLevel\":\"INFO\",\"journald\":{\"syslogIdentifier\":\"svc-$i\"}}"
done
curl -sk "$url/api/v2/logs/sources" -H "Authorization: Bearer $JWT" >"$work/body.json"
[ "$(jq '.sources | length' "$work/body.json")" = 100 ] || { echo "setup failed" >&2; exit 1; }

"$build/bench/bare_http_server" --path /api/v2/logs/sources --body "$work/body.json" \
  --tls "$work/data/tls/server.crt" "$work/data/tls/server.key" >"$work/bare.out" &
pids+=($!)
for _ in $(seq 50); do grep -q PORT "$work/bare.out" 2>/dev/null && break; sleep 0.1; done
bare="https://127.0.0.1:$(awk '/PORT/{print $2}' "$work/bare.out")"

# wrk prints "Requests/sec: N" and, with --latency, a "99% X" line in us/ms/s.
rps() { awk '/Requests\/sec/{print $2}' "$1"; }
p99ms() { awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$1"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for r in $(seq "$rounds"); do
  wrk -t1 -c32 -d"${secs}s" --latency -H "Authorization: Bearer $JWT" "$url/api/v2/logs/sources" >"$work/api.$r"
  wrk -t1 -c32 -d"${secs}s" --latency -H "Authorization: Bearer $JWT" "$bare/api/v2/logs/sources" >"$work/bare.$r"
done
# Writes grow the store, so they run after every list round, on a fresh database per round.
kill "${pids[@]}" 2>/dev/null || true
for r in $(seq "$rounds"); do
  "$build/app/server/logwardend" --data-dir "$work/w$r" --listen 127.0.0.1:0 --access-log off >"$work/w$r.out" 2>&1 &
  wpid=$!
  pids+=($wpid)
  for _ in $(seq 100); do grep -q "API on" "$work/w$r.out" 2>/dev/null && break; sleep 0.1; done
  wport=$(sed -n 's/.*API on https:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/w$r.out")
  JWT="$(cat "$work/w$r/system_jwt")" wrk -t1 -c16 -d"${secs}s" -s "$here/post_source.lua" \
    "https://127.0.0.1:$wport/api/v2/logs/sources" >"$work/post.$r" 2>"$work/post.err.$r"
  kill "$wpid"; wait "$wpid" 2>/dev/null || true
  "$build/bench/sqlite_durable_inserts" "$work/raw-$r.db" "$secs" >"$work/raw.$r"
done

api_rps=$(for r in $(seq "$rounds"); do rps "$work/api.$r"; done | median)
bare_rps=$(for r in $(seq "$rounds"); do rps "$work/bare.$r"; done | median)
api_p99=$(for r in $(seq "$rounds"); do p99ms "$work/api.$r"; done | median)
post_rps=$(for r in $(seq "$rounds"); do rps "$work/post.$r"; done | median)
raw_rps=$(for r in $(seq "$rounds"); do cat "$work/raw.$r"; done | median)
bad=$(cat "$work"/post.err.* | grep -c unexpected || true)
[ "$bad" = 0 ] || echo "warning: $bad POSTs did not answer 201" >&2

awk -v a="$api_rps" -v b="$bare_rps" -v p="$api_p99" \
  'BEGIN {printf "api_list_sources: %.0f req/s, p99 %.2f ms (ratio %.2f vs bare QHttpServer at %.0f req/s)\n", a, p, a/b, b}'
awk -v a="$post_rps" -v b="$raw_rps" \
  'BEGIN {printf "api_durable_writes: %.0f writes/s (ratio %.2f vs raw durable SQLite inserts at %.0f rows/s)\n", a, a/b, b}'
