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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_nginx NAME SERVER-BLOCKS: Debian's nginx with 2 workers (one per core, as logwardend's I/O
# threads), no access log, unlimited keep-alive; SERVER-BLOCKS is the text of its server {} blocks.
# Sets nginx_pid. POSTs to a static file are answered with the file (error_page 405 =200).
start_nginx() {
  local name=$1 servers=$2 dir="$work/nginx-$1"
  mkdir -p "$dir"
  local user=""; [ "$(id -u)" = 0 ] && user="user root;"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
daemon off;
$user
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 75s;
  client_max_body_size 1m;
  $servers
}
CONF
  nginx -c "$dir/nginx.conf" -p "$dir" &
  nginx_pid=$!
  pids+=("$nginx_pid")
  sleep 0.5
}

# wrk prints "Requests/sec: N" and, with --latency, a "99% X" line in us/ms/s.
rps() { awk '/Requests\/sec/{print $2}' "$1"; }
p99ms() { awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$1"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# median_of FUNC PREFIX: FUNC applied to PREFIX.1 … PREFIX.$rounds, median
median_of() { for r in $(seq "$rounds"); do "$1" "$2.$r"; done | median; }
