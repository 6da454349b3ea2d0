#!/usr/bin/env bash
# npm test: every check and every test tier, against the real PostgreSQL, NATS and Keycloak.
# Jest writes one JSON report per tier into reports/; the last line sums them.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi
export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
rm -rf reports && mkdir -p reports test-output
status=0
step() { # name, command…
  local name=$1; shift
  local t0=$SECONDS
  echo "::: $name"
  if "$@"; then echo "::: $name ok ($((SECONDS - t0)) s)"; else echo "::: $name FAILED ($((SECONDS - t0)) s)"; status=1; fi
}
jest() { npx jest "$@"; }

step project-graph npx nx show projects --json
step lint npx eslint .
step typecheck npx tsc -p tsconfig.json
step typecheck-console npx tsc -p apps/console/tsconfig.json
step docs-check bash -c 'SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/docs/generate-docs.ts --check'
step unit jest -c jest.unit.config.js --ci --json --outputFile=reports/unit.json
step integration jest -c jest.integration.config.js --ci --runInBand --json --outputFile=reports/integration.json
step e2e jest -c apps/e2e/jest.e2e.config.js --ci --runInBand --json --outputFile=reports/e2e.json
# The fault matrix at CI size (20 s outages, 3,000 events behind); npm run faults runs it at full size.
step faults jest -c apps/e2e/jest.faults.config.js --ci --runInBand --json --outputFile=reports/faults.json

node tools/test-summary.mjs reports
exit $status
