#!/usr/bin/env bash
# The systemd unit as `cmake --install` ships it: ExecStart is the installed binary, its User= is
# made by the shipped sysusers.d file, `systemd-analyze verify` passes (with the built binary in
# ExecStart, since nothing is installed here) and `systemd-analyze security` rates the sandbox
# "OK" or better (exposure at most 4.9); the score is printed.
#   check_units.sh SOURCE_DIR CONFIGURED_UNIT INSTALLED_BINDIR LOGWARDEND_BINARY
set -euo pipefail
src="$1" configured="$2" bindir="$3" bin="$4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
grep -q "^ExecStart=$bindir/logwardend " "$configured"
user="$(sed -n 's/^User=//p' "$configured")"
grep -q "^u $user " "$src/installer/systemd/logwardend.sysusers"
grep -q "^Type=notify" "$configured"
name="$(basename "$configured")"
unit="$work/$name"
sed "s|^ExecStart=$bindir/logwardend |ExecStart=$bin |" "$configured" >"$unit"
# Documentation=man:logwardend(8): verify runs `man`, which finds the page made by the build.
mkdir -p "$work/man/man8"
cp "$(dirname "$configured")/logwardend.8.gz" "$work/man/man8/"
MANPATH="$work/man" systemd-analyze verify "$unit"
systemd-analyze security --offline=true --threshold=49 "$unit" >"$work/security.txt" 2>&1 || {
  cat "$work/security.txt"; echo "check_units: exposure above 4.9 (not OK)" >&2; exit 1; }
grep -o "Overall exposure level for $name: .*" "$work/security.txt"
echo "check_units: $name: verify passed; User=$user comes from sysusers.d"
