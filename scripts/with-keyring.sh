#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar has a real keychain.
set -euo pipefail
if [ -n "${WXFLEET_IN_KEYRING:-}" ]; then exec "$@"; fi
export WXFLEET_IN_KEYRING=1
exec dbus-run-session -- bash -c 'echo -n wxfleet-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' bash "$@"
