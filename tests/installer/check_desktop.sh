#!/usr/bin/env bash
# The console's desktop integration as `cmake --install` ships it, installed into a scratch prefix:
# the .desktop entry and the AppStream metadata pass their validators, the PNG icons have their
# sizes, the entry's Icon= names the installed hicolor icon, Exec= the installed binary, the unit's
# ExecStart the installed server, and the application tells Wayland the same desktop file name.
#   check_desktop.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$1" build="$2"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
for component in console server; do
  DESTDIR="$root" cmake --install "$build" --prefix /usr --component "$component" >/dev/null
done
id=io.github.logwarden.Logwarden
desktop="$root/usr/share/applications/$id.desktop"
desktop-file-validate "$desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
test -s "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg"
for size in 16 22 24 32 48 64 128 256 512; do
  python3 - "$root/usr/share/icons/hicolor/${size}x${size}/apps/$icon.png" "$size" <<'EOF'
import struct, sys
head = open(sys.argv[1], "rb").read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", sys.argv[1] + " is not a PNG"
w, h = struct.unpack(">II", head[16:24])
assert (w, h) == (int(sys.argv[2]),) * 2, f"{sys.argv[1]} is {w}x{h}"
EOF
done
exe="$(sed -n 's/^Exec=//p' "$desktop" | cut -d' ' -f1)"
test -x "$root/usr/bin/$exe"
test -x "$root/usr/bin/logwardend"
test -f "$root/usr/lib/sysusers.d/logwardend.conf"
# ExecStart follows the prefix of the install, not the build's.
grep -q "^ExecStart=/usr/bin/logwardend serve$" "$root/usr/lib/systemd/system/logwardend.service"
grep -q "setDesktopFileName(QStringLiteral(\"$id\"))" "$src/ui/ConsoleApplication.cpp"
echo "check_desktop: $id installs and validates (icon $icon, exec $exe)"
