#!/usr/bin/env bash
# Runs every test of the portal against a real PostgreSQL + PostGIS. Idempotent: provisions the database
# server first (scripts/db-setup.sh); the tests create and drop databases of their own, so the demo
# database is never touched and two runs in a row both pass. The site's unit tests run first, its browser
# tests last, against the jar that `mvn verify` built (scripts/site-tests.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/db-setup.sh

# GDAL's command-line tools: the OGC API - Features client test runs ogrinfo and ogr2ogr against the app
if ! command -v ogrinfo >/dev/null 2>&1 || ! command -v ogr2ogr >/dev/null 2>&1; then
  echo "[test] installing gdal-bin" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin >/dev/null
fi

bash scripts/site-tests.sh unit
rm -f target/access-log.txt target/hang-dumps/*.txt
mvn -B verify
bash scripts/site-tests.sh e2e
