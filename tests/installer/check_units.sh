#!/usr/bin/env bash
# The systemd unit as packaged: `systemd-analyze verify` passes (with the built binary in
# ExecStart, since /usr/bin/logwardend is not installed here) and `systemd-analyze security`
# rates its sandbox "OK" or better (exposure at most 4.9); the score is printed.
#   check_units.sh SOURCE_DIR LOGWARDEND_BINARY
set -euo pipefail
src="$1" bin="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
unit="$work/logwardend.service"
sed "s|/usr/bin/logwardend|$bin|" "$src/installer/systemd/logwardend.service" >"$unit"
grep -q "^ExecStart=$bin " "$unit"
# --man=no: the man page is installed by the package, not present in a build tree.
systemd-analyze verify --man=no "$unit"
systemd-analyze security --offline=true --threshold=49 "$unit" >"$work/security.txt" 2>&1 || {
  cat "$work/security.txt"; echo "check_units: exposure above 4.9 (not OK)" >&2; exit 1; }
grep -o "Overall exposure level for logwardend.service: .*" "$work/security.txt"
grep -q "^Type=notify" "$unit"
echo "check_units: verify passed"
