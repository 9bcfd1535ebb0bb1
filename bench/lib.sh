# Shared by the benchmark scripts: a scratch dir cleaned on exit, starting logwardend and the bare
# baseline server, and reading wrk's output. Source it; it sets `work` and `pids`.
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# start_logwardend BUILD DATADIR [extra args…]: starts it on ephemeral ports; sets api, rc, jwt, server_pid.
start_logwardend() {
  local build=$1 data=$2
  shift 2
  "$build/app/server/logwardend" --data-dir "$data" --listen 127.0.0.1:0 --access-log off --alloy-url off "$@" \
    >"$data.out" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 100); do grep -q "API on" "$data.out" 2>/dev/null && break; sleep 0.1; done
  sleep 0.2
  api="https://127.0.0.1:$(sed -n 's/.*API on https:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$data.out")"
  rc="http://127.0.0.1:$(sed -n 's/.*remotecfg on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$data.out")"
  jwt="$(cat "$data/system_jwt")"
}

# start_bare BUILD NAME bare_http_server-args…: starts the baseline; sets bare_port.
start_bare() {
  local build=$1 name=$2
  shift 2
  "$build/bench/bare_http_server" "$@" >"$work/bare-$name.out" &
  pids+=($!)
  for _ in $(seq 50); do grep -q PORT "$work/bare-$name.out" 2>/dev/null && break; sleep 0.1; done
  bare_port="$(awk '/PORT/{print $2}' "$work/bare-$name.out")"
}

# wrk prints "Requests/sec: N" and, with --latency, a "99% X" line in us/ms/s.
rps() { awk '/Requests\/sec/{print $2}' "$1"; }
p99ms() { awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$1"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# median_of FUNC PREFIX: FUNC applied to PREFIX.1 … PREFIX.$rounds, median
median_of() { for r in $(seq "$rounds"); do "$1" "$2.$r"; done | median; }
