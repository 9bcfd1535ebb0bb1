#!/usr/bin/env bash
# Takes the README's screenshots from the real console under Xvfb, connected to a real logwardend
# filled with sample data (sources, targets, tenants, tokens, three agents, a few log lines).
# The form, preview and selected-collector pictures come from the UI tests (LW_UI_GRABS).
#   bash installer/screenshots.sh [build-dir] [output-dir]
set -euo pipefail
build="$(realpath "${1:-build}")"
out="$(realpath "${2:-resources/screenshots}")"
here="$(cd "$(dirname "$0")" && pwd)"
for tool in xvfb-run import; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb imagemagick)" >&2; exit 2; }
done
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$build/app/server/logwardend" --data-dir "$work/data" --listen 127.0.0.1:0 --remotecfg-listen 127.0.0.1:0 \
  --alloy-url off --access-log off >"$work/server.out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "remotecfg on" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
api="$(sed -n 's/.*API on \(https:[^ ,]*\).*/\1/p' "$work/server.out")"
rc="$(sed -n 's/.*remotecfg on \(http:[^ ]*\).*/\1/p' "$work/server.out")"
fingerprint="$(sed -n 's/.*SHA-256 \([0-9a-fA-F:]*\).*/\1/p' "$work/server.out")"
jwt="$(cat "$work/data/system_jwt")"
call() { curl -sfk -o /dev/null -H "Authorization: Bearer $jwt" -H "Content-Type: application/json" "$@"; }

call "$api/api/v2/logs/sources" -d '{"name":"node-manager","enabled":true,"logFormat":"ZAP_JSON","minLevel":"INFO","journald":{"syslogIdentifier":"node-manager"}}'
call "$api/api/v2/logs/sources" -d '{"name":"nginx-access","enabled":true,"file":{"paths":["/var/log/nginx/access.log"]}}'
call "$api/api/v2/logs/sources" -d '{"name":"audit","enabled":false,"minLevel":"WARN","journald":{"syslogIdentifier":"auditd"}}'
call "$api/api/v2/logs/targets" -d '{"name":"central-loki","type":"LOKI","enabled":true,"loki":{"url":"https://loki.example.com/loki/api/v1/push"}}'
for t in dev staging prod; do call "$api/admin/api/v3/tenants" -d "{\"name\":\"$t\",\"display_name\":\"${t^}\",\"cluster\":\"logwarden\"}"; done
call "$api/admin/api/v3/accesspolicies" -d '{"name":"dev-readers","realms":[{"tenant":"dev","cluster":"logwarden"}],"scopes":["logs:read"]}'
call "$api/admin/api/v3/accesspolicies" -d '{"name":"shippers","realms":[{"tenant":"*","cluster":"logwarden"}],"scopes":["logs:write"]}'
call "$api/admin/api/v3/tokens" -d "{\"name\":\"grafana\",\"access_policy\":\"dev-readers\",\"expiration\":\"$(date -u -d '+1 year' +%Y-%m-%dT%H:%M:%SZ)\"}"
call "$api/admin/api/v3/tokens" -d "{\"name\":\"ci-shipper\",\"access_policy\":\"shippers\",\"expiration\":\"$(date -u -d '+3 days' +%Y-%m-%dT%H:%M:%SZ)\"}"
call "$api/admin/api/v3/tokens" -d '{"name":"old-shipper","access_policy":"shippers","expiration":"2025-01-01T00:00:00Z"}'
agent="$(cat "$work/data/agent_token")"
for host in edge-01 edge-02 db-01; do
  curl -sf -o /dev/null -H "Content-Type: application/json" -H "Authorization: Bearer $agent" \
    "$rc/collector.v1.CollectorService/GetConfig" \
    -d "{\"id\":\"$host\",\"localAttributes\":{\"host\":\"$host\",\"rack\":\"r4\"}}"
done
# A change with a before and an after for the Audit tab.
etag="$(curl -sfk -D - -o /dev/null -H "Authorization: Bearer $jwt" "$api/admin/api/v3/tenants/staging" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
call -X PUT "$api/admin/api/v3/tenants/staging" -H "If-Match: $etag" -d '{"display_name":"Staging (EU)"}' 
now=$(date +%s%N)
call -X POST "$api/loki/api/v1/push" -H "X-Scope-OrgID: dev" -d "{\"streams\":[{\"stream\":{\"job\":\"api\",\"host\":\"edge-01\"},\"values\":[[\"$((now-3000000000))\",\"GET /health 200 1ms\"],[\"$((now-2000000000))\",\"POST /orders 201 38ms\"],[\"$((now-1000000000))\",\"level=error msg=\\\"upstream timeout\\\" upstream=payments\"]]}]}"

# The console's settings in a scratch XDG config: the profile with the certificate pinned.
mkdir -p "$work/config/logwarden"
cat >"$work/config/logwarden/console.conf" <<CONF
[General]
lastProfile=default

[profiles]
default\serverUrl=$api
default\credentialKind=jwt
default\pinnedSha256=$fingerprint
CONF
printf '%s' "$jwt" >"$work/token"

# shot NAME TAB [LANGUAGE]
shot() {
  sed -i '/^\[settings\]/,$d' "$work/config/logwarden/console.conf"
  printf '\n[settings]\nlanguage=%s\n' "${3:-en}" >>"$work/config/logwarden/console.conf"
  XDG_CONFIG_HOME="$work/config" xvfb-run -a -s "-screen 0 1180x720x24" "$here/../tests/console/run_with_keyring.sh" bash -c '
    "$1" --token-file "$2" --tab "$3" & app=$!
    sleep 4
    import -window root "$4"
    kill $app' _ "$build/app/console/logwarden" "$work/token" "$2" "$out/$1.png"
  echo "screenshots: $out/$1.png"
}
mkdir -p "$out"
shot console-overview overview
shot console-sources sources
shot console-collectors collectors
shot console-tokens tokens
shot console-tenants tenants
shot console-audit audit
shot console-sources-de sources de
shot console-collectors-zh_CN collectors zh_CN
# The forms, the preview and a selected collector are taken by the UI tests as they drive them.
grabs="$work/grabs"
mkdir -p "$grabs"
for t in test_console_forms test_console_ui; do
  LW_UI_GRABS="$grabs" QT_QPA_PLATFORM=offscreen "$build/tests/$t" >"$work/$t.log" 2>&1 || { cat "$work/$t.log" >&2; exit 1; }
done
for name in console-source-form console-tls-bundle-form console-access-policy-form console-pipeline-preview console-collectors-selected; do
  cp "$grabs/$name.png" "$out/" && echo "screenshots: $out/$name.png"
done
