#!/usr/bin/env bash
# npm start: install what is missing, then run the whole platform with demo data (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[start] installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi
export SWC_NODE_PROJECT=tsconfig.base.json
exec node --enable-source-maps -r @swc-node/register libs/devstack/src/start.cli.ts
