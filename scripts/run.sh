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
exec java ${JAVA_OPTS:--Xmx512m} -jar target/kotaku-portal.jar
