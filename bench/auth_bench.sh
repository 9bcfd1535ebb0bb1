#!/usr/bin/env bash
# Issue 4 benchmark: the same route with and without authentication, in one run.
#   auth_gel_token    Basic -u :TOKEN (GEL admin token)      vs /bench/open
#   auth_self_signed  Bearer HS256 self-signed user JWT      vs /bench/open
# The baseline request carries the same Authorization header (ignored there): QHttpServer 6.4
# parses headers byte by byte, so bytes on the wire would otherwise dominate what is compared.
# Plain HTTP on loopback, 32 connections; medians of ROUNDS alternating rounds.
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_RUN:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"

"$build/bench/bench_auth_server" >"$work/auth.out" &
pids+=($!)
for _ in $(seq 50); do grep -q SELF "$work/auth.out" 2>/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$(awk '/PORT/{print $2}' "$work/auth.out")"
gel=$(awk '/^GEL/{print $2}' "$work/auth.out")
self=$(awk '/^SELF/{print $2}' "$work/auth.out")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Basic $gel" "$url/bench/guarded")" = 200 ] || { echo "GEL token refused" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $self" "$url/bench/guarded")" = 200 ] || { echo "JWT refused" >&2; exit 1; }

for r in $(seq "$rounds"); do
  wrk -t1 -c32 -d"${secs}s" "$url/bench/open" >"$work/bare.$r"
  wrk -t1 -c32 -d"${secs}s" -H "Authorization: Basic $gel" "$url/bench/open" >"$work/gel-open.$r"
  wrk -t1 -c32 -d"${secs}s" -H "Authorization: Basic $gel" "$url/bench/guarded" >"$work/gel.$r"
  wrk -t1 -c32 -d"${secs}s" -H "Authorization: Bearer $self" "$url/bench/open" >"$work/self-open.$r"
  wrk -t1 -c32 -d"${secs}s" -H "Authorization: Bearer $self" "$url/bench/guarded" >"$work/self.$r"
done
bare=$(median_of rps "$work/bare")
for kind in gel self; do
  name=$([ $kind = gel ] && echo auth_gel_token || echo auth_self_signed)
  awk -v n="$name" -v a="$(median_of rps "$work/$kind")" -v b="$(median_of rps "$work/$kind-open")" -v c="$bare" \
    'BEGIN {printf "%s: %.0f req/s (ratio %.2f vs the same route without auth, same request bytes, at %.0f req/s; %.0f req/s without the header)\n", n, a, a/b, b, c}'
done
