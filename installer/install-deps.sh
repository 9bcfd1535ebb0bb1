#!/usr/bin/env bash
# Installs every build, test and run-time dependency of Logwarden from Debian packages.
# Idempotent: skips apt entirely when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev libboost1.81-dev libre2-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6svg6 qtkeychain-qt6-dev
  nlohmann-json3-dev libssl-dev libcpp-jwt-dev libsqlite3-dev libsystemd-dev systemd
  libprotobuf-dev protobuf-compiler libgrpc++-dev protobuf-compiler-grpc libsnappy-dev zlib1g-dev libsimdjson-dev
  etcd-server etcd-client gnome-keyring libsecret-tools dbus dbus-x11 xvfb xauth
  curl jq openssl python3 python3-jwt python3-prometheus-client wrk desktop-file-utils appstream
  lintian help2man fakeroot dpkg-dev man-db
  clang libclang-rt-14-dev xz-utils nginx-light
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
