#!/usr/bin/env bash
# The demo: simulator (seeded) + relay on loopback, wired together. The console joins as it lands.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npm run --silent build:protocol
exec node --import tsx scripts/demo.ts "$@"
