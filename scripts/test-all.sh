#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine: installs what it needs, then lint, type-check, build and every test
# (protocol, simulator, relay, core and end-to-end) with a real keychain and real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

step() { printf '\n== %s\n' "$1"; }
step lint && npm run --silent lint
step typecheck && npm run --silent typecheck
step build && npm run --silent build
step test
mkdir -p test-artifacts
status=0
bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json || status=$?
node -e '
const r = require("./test-artifacts/vitest.json");
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || true
exit $status
