#!/usr/bin/env bash
# The console's desktop integration as `cmake --install` ships it, installed into a scratch prefix:
# the .desktop entry and the AppStream metadata pass their validators, the entry's Icon= names the
# installed hicolor icon, Exec= the installed binary, and the application tells Wayland the same
# desktop file name.   check_desktop.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$1" build="$2"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
cmake --install "$build" --prefix "$root/usr" --component Unspecified >/dev/null
id=io.github.logwarden.Logwarden
desktop="$root/usr/share/applications/$id.desktop"
desktop-file-validate "$desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
test -s "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg"
exe="$(sed -n 's/^Exec=//p' "$desktop" | cut -d' ' -f1)"
test -x "$root/usr/bin/$exe"
test -x "$root/usr/bin/logwardend"
test -f "$root/usr/lib/systemd/system/logwardend.service" -a -f "$root/usr/lib/sysusers.d/logwardend.conf"
grep -q "setDesktopFileName(QStringLiteral(\"$id\"))" "$src/ui/ConsoleApplication.cpp"
echo "check_desktop: $id installs and validates (icon $icon, exec $exe)"
