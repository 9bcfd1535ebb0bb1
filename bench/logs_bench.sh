#!/usr/bin/env bash
# Issue 5 benchmarks, printed one line each:
#   push_json, push_protobuf  1,000 lines of 100 bytes per push, each push a second after the last
#                             (push_lines.lua), 8 connections over HTTPS, vs raw batched appends of
#                             the same rows to the same SqliteLogStore
#   query_latency             {job="svc-7"} |= "needle" over LINES stored lines (default 10 million)
# Loopback only, bounded in time.
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_RUN:-5}"
lines="${LINES:-10000000}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"

# Each push run starts on an empty store, as the baseline does: a store filled by earlier runs
# (whose timestamps overlap, since every run starts its pushes at the same second) made later
# runs insert into the middle of its index and measured the previous runs more than this one.
push() {
  local kind=$1 r=$2
  start_logwardend "$build" "$work/d-$kind-$r" --remotecfg-listen off --ingestion-rate-mb 0
  curl -sk -o /dev/null -H "Authorization: Bearer $jwt" "$api/admin/api/v3/tenants" -d '{"name":"bench","cluster":"logwarden"}'
  FORMAT="$kind" TENANT=bench JWT="$jwt" wrk -t1 -c8 -d"${secs}s" -s "$here/push_lines.lua" "$api/loki/api/v1/push" \
    >"$work/$kind.$r" 2>"$work/$kind.$r.err"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  rm -rf "$work/d-$kind-$r"
}
for r in $(seq "$rounds"); do
  push json "$r"
  push proto "$r"
  "$build/bench/bench_logs" raw-append "$secs" >"$work/raw.$r"
done
bad=$(cat "$work"/*.err | grep -c unexpected || true)
[ "$bad" = 0 ] || echo "warning: $bad pushes did not answer 204" >&2
raw() { cat "$1"; }
baseline=$(median_of raw "$work/raw")
for kind in json proto; do
  name=$([ $kind = json ] && echo push_json || echo push_protobuf)
  awk -v n="$name" -v r="$(median_of rps "$work/$kind")" -v b="$baseline" \
    'BEGIN {l = r * 1000; printf "%s: %.0f lines/s, %.1f MB/s of lines (ratio %.2f vs raw batched SqliteLogStore appends at %.0f lines/s)\n", n, l, l * 100 / 1e6, l / b, b}'
done

# Query latency over a large store, generated directly into a fresh data directory.
"$build/bench/bench_logs" generate "$work/q" "$lines" >/dev/null
start_logwardend "$build" "$work/q" --remotecfg-listen off
curl -sk -o /dev/null -H "Authorization: Bearer $jwt" "$api/admin/api/v3/tenants" -d '{"name":"bench","cluster":"logwarden"}'
start=$(( ($(date +%s) - 7 * 86400) * 1000000000 ))
query="$api/loki/api/v1/query_range?query=%7Bjob%3D%22svc-7%22%7D%20%7C%3D%20%22needle%22&limit=100&start=$start"
found=$(curl -sk -H "Authorization: Bearer $jwt" -H "X-Scope-OrgID: bench" "$query" | jq '[.data.result[].values | length] | add')
wrk -t1 -c1 -d"$((secs * 2))s" --latency -H "Authorization: Bearer $jwt" -H "X-Scope-OrgID: bench" "$query" >"$work/query"
p50=$(awk '$1=="50%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$work/query")
awk -v a="$p50" -v b="$(p99ms "$work/query")" -v n="$lines" -v f="$found" \
  'BEGIN {printf "query_latency: p50 %.1f ms, p99 %.1f ms for {job=\"svc-7\"} |= \"needle\" over %d stored lines (%d matches returned)\n", a, b, n, f}'
