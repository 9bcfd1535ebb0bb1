#!/usr/bin/env bash
# The etcd configuration store against etcd itself (issue 14): starts Debian's etcd on a free
# loopback port in a scratch directory, then build/bench/bench_etcd prints three lines (writes
# and reads as a ratio to raw gRPC Put/Range, change propagation p99 between two stores).
#   bash bench/etcd_bench.sh [BUILD-DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
source bench/lib.sh
client=$(free_port) peer=$(free_port)
etcd --name bench --data-dir "$work/etcd" --listen-client-urls "http://127.0.0.1:$client" \
  --advertise-client-urls "http://127.0.0.1:$client" --listen-peer-urls "http://127.0.0.1:$peer" \
  --initial-advertise-peer-urls "http://127.0.0.1:$peer" --initial-cluster "bench=http://127.0.0.1:$peer" \
  --log-level error >"$work/etcd.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do etcdctl --endpoints "127.0.0.1:$client" endpoint health >/dev/null 2>&1 && break; sleep 0.1; done
"$build/bench/bench_etcd" "127.0.0.1:$client"
