#!/usr/bin/env bash
# Installs PostgreSQL 15 from Debian (if needed), starts it on loopback only and creates a test role and database.
# Usage from CI:   eval "$(.ci/postgres.sh)"   (or: source .ci/postgres.sh)
# It prints one line, `export MARSAD_TEST_PG=...`, on standard output; everything else goes to standard error.
# Needs root. Idempotent: a second run reuses the running cluster.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-marsad}"
PG_PASSWORD="${PG_PASSWORD:-marsad}"
PG_DB="${PG_DB:-marsad_test}"

log() { echo "postgres.sh: $*" >&2; }

if [ ! -x "/usr/lib/postgresql/${PG_VERSION}/bin/postgres" ]; then
  log "installing postgresql-${PG_VERSION} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || log "apt-get update failed; trying the local package cache"
  apt-get install -y -qq "postgresql-${PG_VERSION}" >&2
fi

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} ${PG_CLUSTER}"; then
  log "creating cluster ${PG_VERSION}/${PG_CLUSTER}"
  pg_createcluster "${PG_VERSION}" "${PG_CLUSTER}" --port "${PG_PORT}" >&2
fi

conf="/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}"
# Loopback only, password authentication over TCP; a CI box is not a server.
sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "${conf}/postgresql.conf"
sed -i "s/^#\?port = .*/port = ${PG_PORT}/" "${conf}/postgresql.conf"
grep -q "^host all all 127.0.0.1/32 scram-sha-256" "${conf}/pg_hba.conf" \
  || echo "host all all 127.0.0.1/32 scram-sha-256" >> "${conf}/pg_hba.conf"

if pg_lsclusters -h | awk -v v="${PG_VERSION}" -v c="${PG_CLUSTER}" '$1==v && $2==c {print $4}' | grep -q online; then
  pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" reload >&2
else
  log "starting ${PG_VERSION}/${PG_CLUSTER} on 127.0.0.1:${PG_PORT}"
  pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" start >&2
fi

for _ in $(seq 1 30); do
  if runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "${PG_PORT}"; then break; fi
  sleep 1
done
runuser -u postgres -- pg_isready -h 127.0.0.1 -p "${PG_PORT}" >&2

psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -p "${PG_PORT}" "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER}'")" != "1" ]; then
  psql_admin -c "CREATE ROLE ${PG_USER} LOGIN PASSWORD '${PG_PASSWORD}'" >&2
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE ${PG_DB} OWNER ${PG_USER}" >&2
fi

MARSAD_TEST_PG="Host=127.0.0.1;Port=${PG_PORT};Username=${PG_USER};Password=${PG_PASSWORD};Database=${PG_DB}"
export MARSAD_TEST_PG
log "ready: MARSAD_TEST_PG=${MARSAD_TEST_PG}"
echo "export MARSAD_TEST_PG='${MARSAD_TEST_PG}'"
