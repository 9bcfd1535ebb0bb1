#!/usr/bin/env bash
# Issue 3 benchmarks, printed one line each:
#   getconfig_not_modified  a fleet of 1,000 agents polling with the current hash (wrk, 32 conns)
#   getconfig_full_20kb     the same fleet after a restart (empty hash): full ~20 KB configs
#   each vs nginx (2 workers) answering the same bytes over plain HTTP in the same run; medians of ROUNDS
#   remotecfg_rerender, collector_registry_memory (in-process, bench_remotecfg)
# Loopback only, bounded in time.
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_RUN:-5}"
fleet="${FLEET:-1000}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"

start_logwardend "$build" "$work/data" --remotecfg-listen 127.0.0.1:0
curl -sk -o /dev/null -XPOST "$api/api/v2/logs/targets" -H "Authorization: Bearer $jwt" \
  -d '{"name":"loki1","type":"LOKI","loki":{"url":"http://loki.example.com:3100/loki/api/v1/push"}}'
# Sources until the rendered pipeline is about 20 KB.
i=0
while :; do
  i=$((i + 1))
  curl -sk -o /dev/null -XPOST "$api/api/v2/logs/sources" -H "Authorization: Bearer $jwt" \
    -d "{\"name\":\"svc-$i\",\"logFormat\":\"ZAP_JSON\",\"minLevel\":\"INFO\",\"journald\":{\"syslogIdentifier\":\"svc-$i\"}}"
  size=$(curl -s "$rc/api/v1/remote/config" | jq -r .content | base64 -d | wc -c)
  [ "$size" -ge 20000 ] && break
done
hash=$(curl -s "$rc/api/v1/remote/config" | jq -r .hash)

# The exact answers, captured once, for the baseline server.
printf '\x0a\x07fleet-0\x1a\x40%s' "$hash" >"$work/req-same.bin"
printf '\x0a\x07fleet-0' >"$work/req-full.bin"
curl -s -XPOST "$rc/collector.v1.CollectorService/GetConfig" -H "Authorization: Bearer $(cat "$work/data/agent_token")" -H "Content-Type: application/proto" \
  --data-binary @"$work/req-same.bin" -o "$work/resp-same.bin"
curl -s -XPOST "$rc/collector.v1.CollectorService/GetConfig" -H "Authorization: Bearer $(cat "$work/data/agent_token")" -H "Content-Type: application/proto" \
  --data-binary @"$work/req-full.bin" -o "$work/resp-full.bin"
same_port=$(free_port); full_port=$(free_port)
location() { echo "location = /collector.v1.CollectorService/GetConfig { default_type application/proto; alias $1; error_page 405 =200 \$uri; }"; }
start_nginx remotecfg "server { listen 127.0.0.1:$same_port; $(location "$work/resp-same.bin") }
  server { listen 127.0.0.1:$full_port; $(location "$work/resp-full.bin") }"
bare_same="http://127.0.0.1:$same_port"
bare_full="http://127.0.0.1:$full_port"
for u in "$bare_same" "$bare_full"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -XPOST --data-binary @"$work/req-same.bin" "$u/collector.v1.CollectorService/GetConfig")" = 200 ] \
    || { echo "nginx baseline is not answering POSTs" >&2; exit 1; }
done

run() { AGENT_TOKEN="$(cat "$work/data/agent_token")" FLEET="$fleet" HASH="$2" wrk -t1 -c32 -d"${secs}s" --latency -s "$here/get_config.lua" "$1" >"$3" 2>"$3.err"; }

for r in $(seq "$rounds"); do
  run "$rc" "$hash" "$work/same.$r"
  run "$bare_same" "$hash" "$work/bare-same.$r"
  run "$rc" "" "$work/full.$r"
  run "$bare_full" "" "$work/bare-full.$r"
done
bad=$(cat "$work"/same.*.err "$work"/full.*.err | grep -c unexpected || true)
[ "$bad" = 0 ] || echo "warning: $bad GetConfig calls did not answer 200" >&2
collectors=$(curl -sk "$api/api/v2/logs/collectors?limit=1" -H "Authorization: Bearer $jwt" | jq .total)

report() {
  local name=$1 subject=$2 baseline=$3
  local a b p
  a=$(median_of rps "$work/$subject")
  b=$(median_of rps "$work/$baseline")
  p=$(median_of p99ms "$work/$subject")
  awk -v n="$name" -v a="$a" -v b="$b" -v p="$p" -v c="$collectors" -v s="$size" \
    'BEGIN {printf "%s: %.0f req/s, p99 %.2f ms, %d collectors, %d-byte config (ratio %.2f vs nginx, 2 workers, same bytes at %.0f req/s)\n", n, a, p, c, s, a/b, b}'
}
report getconfig_not_modified same bare-same
report getconfig_full_20kb full bare-full
"$build/bench/bench_remotecfg" rerender
"$build/bench/bench_remotecfg" registry-memory
