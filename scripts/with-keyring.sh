#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, so keytar has a real keychain.
# The keyring lives in a throw-away data directory: a login keyring left on the machine (with another password)
# would otherwise stay locked.
set -euo pipefail
if [ -n "${WXFLEET_IN_KEYRING:-}" ]; then exec "$@"; fi
export WXFLEET_IN_KEYRING=1
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c \
  'echo -n wxfleet-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' bash "$@"
