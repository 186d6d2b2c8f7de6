#!/usr/bin/env bash
# The demo: simulator (seeded) + relay + console in the demo profile, wired together (see scripts/demo.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npm run --silent build:protocol
exec node --import tsx scripts/demo.ts "$@"
