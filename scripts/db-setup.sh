#!/usr/bin/env bash
# Makes sure a PostGIS-enabled PostgreSQL is reachable for the portal, idempotently.
#
# On a Debian/Ubuntu machine with a local PostgreSQL it installs postgresql-<major>-postgis-3 if missing,
# starts the cluster if it is down, creates (or re-passwords) the app role, enables PostGIS in template1
# (so the databases the tests create get it too) and creates the app database.
#
# If PORTAL_DB_HOST names another machine, or PORTAL_DB_PROVISION=no, it leaves the machine alone and
# only checks that the database answers.
#
# Environment (defaults in brackets): PORTAL_DB_HOST [127.0.0.1], PORTAL_DB_PORT [5432],
# PORTAL_DB_NAME [kotaku], PORTAL_DB_USER [kotaku], PORTAL_DB_PASSWORD [kotaku].
# Extra database names to create can be passed as arguments (e.g. the benchmark database).
set -euo pipefail

host=${PORTAL_DB_HOST:-127.0.0.1}
port=${PORTAL_DB_PORT:-5432}
db=${PORTAL_DB_NAME:-kotaku}
user=${PORTAL_DB_USER:-kotaku}
password=${PORTAL_DB_PASSWORD:-kotaku}
provision=${PORTAL_DB_PROVISION:-yes}

log() { printf '[db-setup] %s\n' "$*" >&2; }

case "$host" in 127.0.0.1|localhost|::1) ;; *) provision=no ;; esac

if [ "$provision" = no ]; then
  log "PORTAL_DB_HOST=$host is not local (or PORTAL_DB_PROVISION=no): leaving this machine alone"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  log "provisioning a local PostgreSQL needs root (apt-get, pg_ctlcluster); run as root or point PORTAL_DB_HOST elsewhere"
  exit 1
fi

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=yes
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt_install postgresql
fi
major=$(ls /usr/lib/postgresql | sort -n | tail -1)

if ! dpkg -s "postgresql-$major-postgis-3" >/dev/null 2>&1; then
  apt_install "postgresql-$major-postgis-3"
fi

if ! pg_lsclusters -h | awk -v m="$major" '$1 == m && $2 == "main"' | grep -q .; then
  log "creating cluster $major/main"
  pg_createcluster "$major" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v m="$major" '$1 == m && $2 == "main" && $4 == "online"' | grep -q .; then
  log "starting cluster $major/main"
  pg_ctlcluster "$major" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h "$host" -p "$port" && break
  sleep 1
done
pg_isready -q -h "$host" -p "$port" || { log "PostgreSQL does not answer on $host:$port"; exit 1; }

psql_admin() { PGOPTIONS='--client-min-messages=warning' runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }

log "role $user"
psql_admin -d postgres -v user="$user" -v password="$password" <<'SQL'
select format('create role %I login createdb', :'user')
 where not exists (select 1 from pg_roles where rolname = :'user') \gexec
select format('alter role %I with login createdb password %L', :'user', :'password') \gexec
SQL

# PostGIS is not a trusted extension: a superuser enables it, once, in template1 (new databases inherit it)
psql_admin -d template1 -c 'create extension if not exists postgis'

for name in "$db" "$@"; do
  log "database $name"
  psql_admin -d postgres -v db="$name" -v user="$user" <<'SQL'
select format('create database %I owner %I', :'db', :'user')
 where not exists (select 1 from pg_database where datname = :'db') \gexec
SQL
  psql_admin -d "$name" -c 'create extension if not exists postgis'
done
log "ready: postgresql://$user@$host:$port/$db (PostgreSQL $major, PostGIS $(psql_admin -d "$db" -tAc 'select postgis_lib_version()'))"
