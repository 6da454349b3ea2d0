#!/bin/sh
# Entrypoint of every service image (services/<name>/Dockerfile): apply the service's migrations, then replace
# this shell with the service itself (exec), so `docker stop`'s SIGTERM reaches Node and Nest's shutdown hooks.
#
#   service-entrypoint.sh <service> [arguments for src/migrate.ts, e.g. --seed-demo for communities]
#
# TypeScript runs through @swc-node/register with SWC_NODE_PROJECT (set in the Dockerfile), as in
# libs/devstack/src/platform.ts. Should replicas starting at once race on a migration, the loser exits non-zero
# and compose's restart policy starts it again, by which time the migration is applied. With real replicas, run
# migrations once per release instead (a one-off container of the same image).
set -eu
service="${1:?usage: service-entrypoint.sh <service> [migrate.ts arguments]}"
shift
node --enable-source-maps -r @swc-node/register "services/${service}/src/migrate.ts" "$@"
# The owner role is for migrations: the running service gets the application role's DATABASE_URL only.
unset DATABASE_MIGRATION_URL
exec node --enable-source-maps -r @swc-node/register "services/${service}/src/main.ts"
