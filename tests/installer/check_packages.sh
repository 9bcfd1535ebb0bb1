#!/usr/bin/env bash
# The Debian packages (issue 15), built from this build tree with CPack, linted, and installed
# with dpkg into a scratch root (dpkg --root, maintainer scripts run chrootless with DPKG_ROOT):
# the files and their modes, the conffile, the system user made by the postinst, the data
# directory (0700, the user's), an upgrade that keeps an edited conffile and the data, `remove`
# keeping the data, `purge` deleting it, and the installed binaries' --version.
#   check_packages.sh SOURCE_DIR BUILD_DIR VERSION
set -euo pipefail
# The postinst chowns the data directory to the new user: as root, or under fakeroot.
if [ "$(id -u)" != 0 ] && [ -z "${FAKEROOTKEY:-}" ]; then exec fakeroot -- bash "$0" "$@"; fi
src="$1" build="$2" version="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check_packages: $*" >&2; exit 1; }
step() { echo "check_packages: $*"; }

# --- build ------------------------------------------------------------------------------------
cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
arch="$(dpkg --print-architecture)"
console="$work/out/logwarden_${version}_${arch}.deb"
server="$work/out/logwardend_${version}_${arch}.deb"
[ -f "$console" ] && [ -f "$server" ] || { ls -l "$work/out"; fail "expected logwarden_${version}_${arch}.deb and logwardend_${version}_${arch}.deb"; }
step "built $(basename "$console") ($(stat -c %s "$console") bytes), $(basename "$server") ($(stat -c %s "$server") bytes)"

# --- control fields ---------------------------------------------------------------------------
field() { dpkg-deb -f "$1" "$2"; }
[ "$(field "$server" Package)" = logwardend ] && [ "$(field "$console" Package)" = logwarden ] || fail "package names"
[ "$(field "$server" Version)" = "$version" ] && [ "$(field "$console" Version)" = "$version" ] || fail "versions are not $version"
# Dependencies come from dpkg-shlibdeps (the libraries the binaries link), plus the scripts' tools.
for dep in libqt6core6 libqt6network6 libssl3 libre2 libsqlite3-0 libsystemd0 adduser init-system-helpers; do
  field "$server" Depends | grep -q "$dep" || fail "logwardend's Depends lacks $dep: $(field "$server" Depends)"
done
for dep in libqt6widgets6 libqt6gui6 libqt6keychain1; do
  field "$console" Depends | grep -q "$dep" || fail "logwarden's Depends lacks $dep: $(field "$console" Depends)"
done
dpkg-deb --ctrl-tarfile "$server" | tar -t | grep -qx './conffiles' || fail "logwardend has no conffiles"
dpkg-deb --info "$server" conffiles | grep -qx /etc/logwarden/logwardend.conf || fail "the configuration file is not a conffile"
dpkg-deb --info "$server" conffiles | grep -qx /etc/logwarden/logwardend-agent.conf || fail "the agent's configuration file is not a conffile"

# --- lintian: no errors (warnings and notes are printed) ----------------------------------------
if ! lintian --no-cfg --fail-on error "$console" "$server" >"$work/lintian.txt" 2>&1; then
  cat "$work/lintian.txt"; fail "lintian reports errors"
fi
step "lintian: $(grep -c '^E:' "$work/lintian.txt" || true) errors, $(grep -c '^W:' "$work/lintian.txt" || true) warnings"
grep '^[EW]:' "$work/lintian.txt" || true

# --- install into a scratch root --------------------------------------------------------------
root="$work/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
# The scratch root holds no libraries, so dependencies are not installed there; the binaries run
# with this machine's (where the build linked them).
dpkg_root() { dpkg --root="$root" --force-script-chrootless --force-depends --log=/dev/null "$@" >>"$work/dpkg.log" 2>&1 || {
  cat "$work/dpkg.log"; fail "dpkg $* failed"; }; }
dpkg_root -i "$server" "$console"
status() { dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${db:Status-Status}' "$1" 2>/dev/null || echo not-installed; }
[ "$(status logwardend)" = installed ] && [ "$(status logwarden)" = installed ] || fail "not installed: $(status logwardend) / $(status logwarden)"

mode() { stat -c '%a %U:%G' "$1"; }
expect_mode() { [ "$(mode "$root$1")" = "$2" ] || fail "$1 is $(mode "$root$1"), expected $2"; }
expect_mode /usr/bin/logwardend "755 root:root"
expect_mode /usr/bin/logwarden "755 root:root"
expect_mode /etc/logwarden/logwardend.conf "644 root:root"
expect_mode /usr/lib/systemd/system/logwardend.service "644 root:root"
expect_mode /etc/logwarden/logwardend-agent.conf "644 root:root"
expect_mode /usr/lib/systemd/system/logwardend-agent.service "644 root:root"
expect_mode /usr/lib/sysusers.d/logwardend.conf "644 root:root"
for f in /usr/share/man/man8/logwardend.8.gz /usr/share/man/man1/logwarden.1.gz /usr/share/doc/logwardend/copyright \
         /usr/share/doc/logwarden/changelog.gz /usr/share/applications/io.github.logwarden.Logwarden.desktop \
         /usr/share/metainfo/io.github.logwarden.Logwarden.metainfo.xml /usr/share/icons/hicolor/scalable/apps/logwarden.svg; do
  [ -s "$root$f" ] || fail "$f is missing"
done
for size in 16 22 24 32 48 64 128 256 512; do
  [ -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/logwarden.png" ] || fail "no ${size}x${size} icon"
done
zcat "$root/usr/share/man/man8/logwardend.8.gz" | sed 's/\\-/-/g' >"$work/logwardend.8"
grep -q -- '--max-body-bytes' "$work/logwardend.8" && grep -q '^\.SH SIGNALS' "$work/logwardend.8" || fail "the man page lacks the options or its sections"
grep -q '^ExecStart=/usr/bin/logwardend serve$' "$root/usr/lib/systemd/system/logwardend.service" || fail "ExecStart is not /usr/bin/logwardend"
grep -q '^ExecStart=/usr/bin/logwardend serve --role agent$' "$root/usr/lib/systemd/system/logwardend-agent.service" || fail "the agent's ExecStart is not serve --role agent"

# The postinst made the user (a system user without a login shell) and the data directory.
user_line="$(grep '^logwardend:' "$root/etc/passwd")" || fail "the postinst did not create the logwardend user"
uid="$(cut -d: -f3 <<<"$user_line")"
[ "$uid" -lt 1000 ] || fail "logwardend is not a system user (uid $uid)"
[ "$(cut -d: -f7 <<<"$user_line")" = /usr/sbin/nologin ] || fail "logwardend has a login shell: $user_line"
grep -q '^logwardend:' "$root/etc/group" || fail "no logwardend group"
[ "$(stat -c '%a %u' "$root/var/lib/logwardend")" = "700 $uid" ] || fail "/var/lib/logwardend is $(stat -c '%a %u' "$root/var/lib/logwardend"), expected 700 $uid"
step "installed: logwardend user uid $uid, /var/lib/logwardend 0700, conffile, unit, man pages, icons"

# The installed binaries run, and the shipped configuration file passes check-config.
[ "$("$root/usr/bin/logwardend" --version)" = "logwardend $version" ] || fail "logwardend --version: $("$root/usr/bin/logwardend" --version 2>&1)"
[ "$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/logwarden" --version)" = "logwarden $version" ] || fail "logwarden --version"
"$root/usr/bin/logwardend" check-config --config "$root/etc/logwarden/logwardend.conf" --data-dir "$work/data" >/dev/null \
  || fail "the shipped logwardend.conf does not pass check-config"
# The agent's file, once it names the shared store it needs.
"$root/usr/bin/logwardend" check-config --config "$root/etc/logwarden/logwardend-agent.conf" --role agent --store etcd://127.0.0.1:2379 \
  --data-dir "$work/data" >/dev/null || fail "the shipped logwardend-agent.conf does not pass check-config"
# Every flag of the server is documented in the shipped file (as a commented line).
flags="$("$root/usr/bin/logwardend" --help | grep -o '^  --[a-z-]*' | sed 's/^  --//' | grep -vx 'help\|help-all\|version\|config')"
[ "$(wc -w <<<"$flags")" -gt 30 ] || fail "logwardend --help lists only: $flags"
for flag in $flags; do
  grep -q "^# $flag =" "$root/etc/logwarden/logwardend.conf" || fail "logwardend.conf does not mention $flag"
done
# The installed unit verifies (with ExecStart at the scratch root's binary, and the man page its
# Documentation= names found in the scratch root).
sed "s|^ExecStart=/usr/bin/logwardend |ExecStart=$root/usr/bin/logwardend |" "$root/usr/lib/systemd/system/logwardend.service" \
  >"$work/logwardend.service"
for unit in logwardend logwardend-agent; do
  sed "s|^ExecStart=/usr/bin/logwardend |ExecStart=$root/usr/bin/logwardend |" "$root/usr/lib/systemd/system/$unit.service" \
    >"$work/$unit.service"
  MANPATH="$root/usr/share/man" systemd-analyze verify "$work/$unit.service" >"$work/verify.txt" 2>&1 || {
    cat "$work/verify.txt"; fail "systemd-analyze verify of the installed $unit.service"; }
done
step "installed binaries: $("$root/usr/bin/logwardend" --version), $(QT_QPA_PLATFORM=offscreen "$root/usr/bin/logwarden" --version); shipped config checks; unit verifies"

# --- upgrade: an edited conffile and the data survive ------------------------------------------
echo "secret state" >"$root/var/lib/logwardend/store.db"
# As if a run as root had left the directory: the upgrade gives all of it back to the service.
chown 0:0 "$root/var/lib/logwardend" "$root/var/lib/logwardend/store.db"
echo "log-level = debug" >>"$root/etc/logwarden/logwardend.conf"
next="$work/next"
dpkg-deb -R "$server" "$next"
sed -i "s/^Version: .*/Version: ${version}+1/" "$next/DEBIAN/control"
dpkg-deb -b --root-owner-group "$next" "$work/logwardend-next.deb" >/dev/null
dpkg_root --force-confold -i "$work/logwardend-next.deb"
[ "$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Version}' logwardend)" = "${version}+1" ] || fail "upgrade did not happen"
grep -q '^log-level = debug$' "$root/etc/logwarden/logwardend.conf" || fail "the upgrade lost the admin's edit of logwardend.conf"
[ "$(cat "$root/var/lib/logwardend/store.db")" = "secret state" ] || fail "the upgrade touched the data directory"
[ "$(grep -c '^logwardend:' "$root/etc/passwd")" = 1 ] || fail "the upgrade made a second user"
[ "$(stat -c '%u %a' "$root/var/lib/logwardend")" = "$uid 700" ] && [ "$(stat -c '%u' "$root/var/lib/logwardend/store.db")" = "$uid" ] \
  || fail "the upgrade did not give the root-owned data directory back to logwardend"
step "upgrade to ${version}+1 kept the edited conffile, the data and the one user"

# --- remove keeps the data, purge deletes it ----------------------------------------------------
mkdir -p "$root/var/lib/logwardend-agent" && echo "agent state" >"$root/var/lib/logwardend-agent/agent_token"
dpkg_root -r logwardend
[ -f "$root/var/lib/logwardend-agent/agent_token" ] || fail "remove deleted the node agent's data directory"
[ ! -e "$root/usr/bin/logwardend" ] || fail "remove left the binary"
[ -f "$root/var/lib/logwardend/store.db" ] || fail "remove deleted the data directory"
[ -f "$root/etc/logwarden/logwardend.conf" ] || fail "remove deleted the conffile"
dpkg_root -P logwardend
[ ! -e "$root/var/lib/logwardend" ] || fail "purge left /var/lib/logwardend"
[ ! -e "$root/var/lib/logwardend-agent" ] || fail "purge left /var/lib/logwardend-agent"
[ ! -e "$root/etc/logwarden/logwardend.conf" ] || fail "purge left the conffile"
[ "$(status logwardend)" = not-installed ] || fail "logwardend still known to dpkg: $(status logwardend)"
dpkg_root -P logwarden
[ ! -e "$root/usr/bin/logwarden" ] || fail "purge left the console"
step "remove kept /var/lib/logwardend and the conffile; purge deleted them"
# --- a person's account named logwardend is not taken over ------------------------------------
other="$work/other"
mkdir -p "$other/var/lib/dpkg/info" "$other/var/lib/dpkg/updates" "$other/etc"
touch "$other/var/lib/dpkg/status" "$other/var/lib/dpkg/available"
echo "logwardend:x:1001:1001:A person:/home/logwardend:/bin/bash" >"$other/etc/passwd"
echo "logwardend:x:1001:" >"$other/etc/group"
if dpkg --root="$other" --force-script-chrootless --force-depends --log=/dev/null -i "$server" >"$work/other.log" 2>&1; then
  fail "the postinst took over a non-system account named logwardend"
fi
grep -q "uid 1001, which is not a system user" "$work/other.log" || { cat "$work/other.log"; fail "no sentence about the account"; }
[ ! -e "$other/var/lib/logwardend" ] || fail "a data directory was made for a person's account"
step "a person's account named logwardend is refused, with a sentence"
echo "check_packages: both packages build, lint without errors, install, upgrade, remove and purge"
