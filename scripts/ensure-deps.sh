#!/usr/bin/env bash
# Installs what wxfleet needs on a Debian machine: system packages when missing (as root), then npm packages when
# package-lock.json changed since the last install. Safe to run again: it does nothing when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

need_system_packages() {
  local missing=()
  dpkg -s libsecret-1-dev >/dev/null 2>&1 || missing+=(libsecret-1-dev)
  command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
  command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus dbus-x11)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # Chinese glyphs for the end-to-end screenshots of the zh-CN console.
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  echo "${missing[@]:-}"
}

missing=$(need_system_packages)
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "wxfleet needs these Debian packages: $missing — run as root, or: sudo apt-get install -y $missing" >&2
    exit 1
  fi
  echo "Installing Debian packages: $missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
stamp=node_modules/.wxfleet-lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
  echo "Installing npm packages…"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$hash" >"$stamp"
fi
# Native addons must load on this Node; rebuild them from source when they do not.
if ! node -e "require('better-sqlite3'); require('keytar')" 2>/dev/null; then
  npm rebuild better-sqlite3 keytar --loglevel=error
fi
