#!/usr/bin/env bash
# Against a real Grafana Loki 2.8 (../shared/peers/loki.xz), started by this script on loopback
# ports beside logwardend, in the same run; one line each:
#   query_scan     {job=~"svc-1.*"} | logfmt | id="500000" over LINES (default 1,000,000) logfmt
#                  lines pushed identically into both (20 streams, 11 of them selected); median
#                  latency of ROUNDS*3 queries each (ratio: Loki's time / logwardend's; > 1 is faster)
#   push_json_vs_loki, push_protobuf_vs_loki
#                  push_lines.lua (1,000 lines of 100 bytes a push, 8 connections) at both, lines/s
#                  medians (ratio logwardend / Loki)
#   gateway_query, gateway_query_policy
#                  {job="svc-10"} limit 100 to Loki directly and through logwardend --loki-url,
#                  unrestricted and under a label policy: median latency on a kept-alive
#                  connection, all timed in turns (ratio: direct / through logwardend, under
#                  the policy against Loki answering the rewritten query it is sent; target >= 0.8)
# Skipped, saying so, when no Loki binary is found (LOKI=path overrides).
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_RUN:-5}"
lines="${LINES:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"

loki="${LOKI:-}"
if [ -z "$loki" ]; then
  archive="$here/../../shared/peers/loki.xz"
  [ -f "$archive" ] || { echo "loki_bench: skipped, no Loki binary (set LOKI=/path/to/loki, or put loki.xz in ../shared/peers)"; exit 0; }
  loki="$work/loki"
  xz -dc "$archive" >"$loki"
  chmod +x "$loki"
fi

# start_loki DIR: Loki single-process with tests/fixtures/loki.yaml (the peers README's configuration); sets loki_url, loki_pid.
start_loki() {
  local dir=$1 http grpc
  http=$(free_port); grpc=$(free_port)
  mkdir -p "$dir"
  sed -e "s|@HTTP_PORT@|$http|" -e "s|@GRPC_PORT@|$grpc|" -e "s|@DIR@|$dir|g" "$here/../tests/fixtures/loki.yaml" >"$dir/loki.yaml"
  "$loki" -config.file="$dir/loki.yaml" >"$dir/loki.log" 2>&1 &
  loki_pid=$!
  pids+=("$loki_pid")
  loki_url="http://127.0.0.1:$http"
  for _ in $(seq 120); do [ "$(curl -s "$loki_url/ready" 2>/dev/null)" = ready ] && return 0; sleep 0.5; done
  echo "Loki did not become ready" >&2; cat "$dir/loki.log" >&2; exit 1
}

# --- query_scan ---
start_loki "$work/loki-q"
start_logwardend "$build" "$work/q" --remotecfg-listen off --ingestion-rate-mb 0
curl -sk -o /dev/null -H "Authorization: Bearer $jwt" "$api/admin/api/v3/tenants" -d '{"name":"bench","cluster":"logwarden"}'
read -r from to < <(python3 "$here/push_logfmt.py" "$lines" bench "$api/loki/api/v1/push|Bearer $jwt" "$loki_url/loki/api/v1/push")
query='{job=~"svc-1.*"} | logfmt | id="500000"'
args=(-G --data-urlencode "query=$query" --data-urlencode "start=$from" --data-urlencode "end=$((to + 1000000000))" --data-urlencode "limit=100")
lw_result=$(curl -sk "${args[@]}" -H "Authorization: Bearer $jwt" -H "X-Scope-OrgID: bench" "$api/loki/api/v1/query_range" | jq -c '[.data.result[].values[][1]]')
loki_result=$(curl -s "${args[@]}" -H "X-Scope-OrgID: bench" "$loki_url/loki/api/v1/query_range" | jq -c '[.data.result[].values[][1]]')
[ "$lw_result" = "$loki_result" ] && [ "$lw_result" != "[]" ] || { echo "the answers differ: $lw_result vs $loki_result" >&2; exit 1; }
time_queries() { # URL AUTH-ARGS… → one latency (s) per line
  local url=$1; shift
  for _ in $(seq $((rounds * 3))); do curl -sk -o /dev/null -w '%{time_total}\n' "${args[@]}" "$@" "$url"; done
}
for _ in 1 2; do time_queries "$loki_url/loki/api/v1/query_range" -H "X-Scope-OrgID: bench" >/dev/null; done # warm both
time_queries "$api/loki/api/v1/query_range" -H "Authorization: Bearer $jwt" -H "X-Scope-OrgID: bench" >/dev/null
time_queries "$api/loki/api/v1/query_range" -H "Authorization: Bearer $jwt" -H "X-Scope-OrgID: bench" >"$work/scan.lw"
time_queries "$loki_url/loki/api/v1/query_range" -H "X-Scope-OrgID: bench" >"$work/scan.loki"
awk -v a="$(median <"$work/scan.lw")" -v b="$(median <"$work/scan.loki")" -v n="$lines" -v r="$lw_result" \
  'BEGIN {printf "query_scan: %.1f ms median for {job=~\"svc-1.*\"} | logfmt | id=\"500000\" over %d lines, same answer %s (ratio %.2f: Loki 2.8 takes %.1f ms on the same lines)\n", a*1000, n, r, b/a, b*1000}'
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

# --- gateway_query, gateway_query_policy: the same query to Loki directly and through a logwardend
# in front of it (--loki-url), each over one kept-alive connection (logwardend's over TLS, as it
# serves); once with an unrestricted credential (relayed) and once with a label policy (the query
# rewritten, the answer checked stream by stream). The rewritten query is more work for Loki (one
# regex matcher more), so the policy's ratio is against Loki answering that query directly: what
# logwardend adds, not what the policy costs Loki (printed beside it) ---
# Loki is first made to flush what it was sent (POST /flush) and left until its flush queues are
# empty: queried while it cuts and writes chunks, its own latency swings by 10x between seconds.
curl -s -o /dev/null -X POST "$loki_url/flush"
for _ in $(seq 120); do
  sleep 1
  queued=$(curl -s "$loki_url/metrics" | awk '/^loki_ingester_flush_queue_length/ {n += $2} END {print n + 0}')
  [ "$queued" = 0 ] && break
done
sleep 2
start_logwardend "$build" "$work/gw" --remotecfg-listen off --loki-url "$loki_url/loki/api/v1/push"
curl -sk -o /dev/null -H "Authorization: Bearer $jwt" "$api/admin/api/v3/tenants" -d '{"name":"bench","cluster":"logwarden"}'
curl -sk -o /dev/null -H "Authorization: Bearer $jwt" "$api/admin/api/v3/accesspolicies" \
  -d '{"name":"svc","realms":[{"tenant":"bench","cluster":"logwarden","label_policies":[{"selector":"{job=~\"svc-1.*\"}"}]}],"scopes":["logs:read"]}'
policy_token=$(curl -sk -H "Authorization: Bearer $jwt" "$api/admin/api/v3/tokens" -d '{"name":"svc","access_policy":"svc"}' | jq -r .token)
span=(-G --data-urlencode "start=$from" --data-urlencode "end=$((to + 1000000000))" --data-urlencode "limit=100")
plain=(--data-urlencode 'query={job="svc-10"}')
rewritten=(--data-urlencode 'query={job="svc-10", job=~"svc-1.*"}') # what logwardend sends Loki under the policy
values() { jq -c '[.data.result[].values[][1]]'; }
direct=$(curl -s "${span[@]}" "${plain[@]}" -H "X-Scope-OrgID: bench" "$loki_url/loki/api/v1/query_range" | values)
[ "$(curl -s "${span[@]}" "${rewritten[@]}" -H "X-Scope-OrgID: bench" "$loki_url/loki/api/v1/query_range" | values)" = "$direct" ] ||
  { echo "the rewritten query answers differently" >&2; exit 1; }
for who in "$jwt" "$policy_token"; do
  via=$(curl -sk "${span[@]}" "${plain[@]}" -H "Authorization: Bearer $who" -H "X-Scope-OrgID: bench" "$api/loki/api/v1/query_range" | values)
  [ "$via" = "$direct" ] && [ "$via" != "[]" ] || { echo "the gateway's answer differs: ${via:0:200} vs ${direct:0:200}" >&2; exit 1; }
done
# Loki's own latency drifts (it flushes and compacts what it was just sent): the four are timed in
# turns of 10 requests, 6*ROUNDS turns each, so a slow phase of Loki falls on all of them alike.
n=10
time_kept_alive() { # QUERY-ARRAY-NAME URL CURL-ARGS… → one latency (s) per request, all on one connection
  local -n q=$1
  local url=$2
  shift 2
  curl -sk -w '%{time_total}\n' "${span[@]}" "${q[@]}" "$@" $(for _ in $(seq "$n"); do echo "$url -o /dev/null"; done)
}
time_kept_alive plain "$loki_url/loki/api/v1/query_range" -H "X-Scope-OrgID: bench" >/dev/null # warm
time_kept_alive plain "$api/loki/api/v1/query_range" -H "Authorization: Bearer $jwt" -H "X-Scope-OrgID: bench" >/dev/null
for r in $(seq $((rounds * 6))); do
  time_kept_alive plain "$loki_url/loki/api/v1/query_range" -H "X-Scope-OrgID: bench" >>"$work/gw.direct"
  time_kept_alive plain "$api/loki/api/v1/query_range" -H "Authorization: Bearer $jwt" -H "X-Scope-OrgID: bench" >>"$work/gw.relay"
  time_kept_alive rewritten "$loki_url/loki/api/v1/query_range" -H "X-Scope-OrgID: bench" >>"$work/gw.direct-rewritten"
  time_kept_alive plain "$api/loki/api/v1/query_range" -H "Authorization: Bearer $policy_token" -H "X-Scope-OrgID: bench" >>"$work/gw.policy"
done
awk -v a="$(median <"$work/gw.relay")" -v b="$(median <"$work/gw.direct")" \
  'BEGIN {printf "gateway_query: %.2f ms median for {job=\"svc-10\"} limit 100 through logwardend, relayed (ratio %.2f: Loki 2.8 directly takes %.2f ms; target >= 0.8)\n", a*1000, b/a, b*1000}'
awk -v a="$(median <"$work/gw.policy")" -v b="$(median <"$work/gw.direct-rewritten")" -v c="$(median <"$work/gw.direct")" \
  'BEGIN {printf "gateway_query_policy: %.2f ms median for the same under the label policy {job=~\"svc-1.*\"}, rewritten and checked (ratio %.2f: Loki 2.8 directly takes %.2f ms for the rewritten query it is sent, %.2f ms for the plain one)\n", a*1000, b/a, b*1000, c*1000}'
kill "$server_pid" "$loki_pid"; wait "$server_pid" "$loki_pid" 2>/dev/null || true

[ "${PUSHES:-1}" = 0 ] && exit 0
# --- pushes: each run on an empty logwardend and an empty Loki ---
for r in $(seq "$rounds"); do
  for kind in json proto; do
    start_logwardend "$build" "$work/p-$kind-$r" --remotecfg-listen off --ingestion-rate-mb 0
    curl -sk -o /dev/null -H "Authorization: Bearer $jwt" "$api/admin/api/v3/tenants" -d '{"name":"bench","cluster":"logwarden"}'
    FORMAT="$kind" TENANT=bench JWT="$jwt" wrk -t1 -c8 -d"${secs}s" -s "$here/push_lines.lua" "$api/loki/api/v1/push" \
      >"$work/lw-$kind.$r" 2>"$work/lw-$kind.$r.err"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
    start_loki "$work/loki-$kind-$r"
    FORMAT="$kind" TENANT=bench wrk -t1 -c8 -d"${secs}s" -s "$here/push_lines.lua" "$loki_url/loki/api/v1/push" \
      >"$work/loki-$kind.$r" 2>"$work/loki-$kind.$r.err"
    kill "$loki_pid"; wait "$loki_pid" 2>/dev/null || true
    rm -rf "$work/p-$kind-$r" "$work/loki-$kind-$r"
  done
done
bad=$(cat "$work"/*.err | grep -c unexpected || true)
[ "$bad" = 0 ] || echo "warning: $bad pushes did not answer 204" >&2
for kind in json proto; do
  name=$([ $kind = json ] && echo push_json_vs_loki || echo push_protobuf_vs_loki)
  awk -v n="$name" -v a="$(median_of rps "$work/lw-$kind")" -v b="$(median_of rps "$work/loki-$kind")" \
    'BEGIN {printf "%s: %.0f lines/s (ratio %.2f vs Loki 2.8 at %.0f lines/s, same pushes, 8 connections)\n", n, a*1000, a/b, b*1000}'
done
