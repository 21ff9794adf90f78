#!/usr/bin/env bash
# Starts the portal on http://localhost:${PORT:-8080} with the synthetic demo data (loaded on first start).
# Idempotent: provisions PostgreSQL + PostGIS (scripts/db-setup.sh), builds the app, then runs it in the
# foreground. Stop it with Ctrl-C; data stay in the database and are not loaded twice.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/db-setup.sh
bash scripts/build.sh
# readable log lines in a terminal; a deployment gets JSON lines (the default of the jar, see README "Operations")
export PORTAL_LOG_FORMAT="${PORTAL_LOG_FORMAT:-text}"
# the dev profile: the local role's database password as default (nowhere else has one)
export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-dev}"
# class data sharing (scripts/cds.sh): the classes of a start mapped from an archive, about 2 s less to start;
# the archive is recorded once per build, by a short training start
# shellcheck disable=SC2046 # the launch is several words
exec java ${JAVA_OPTS:--Xmx512m} $(bash scripts/cds.sh)
