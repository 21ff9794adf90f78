#!/usr/bin/env bash
# Runs every test of the portal against a real PostgreSQL + PostGIS. Idempotent: provisions the database
# server first (scripts/db-setup.sh); the tests create and drop databases of their own, so the demo
# database is never touched and two runs in a row both pass. The site's unit tests run first, its browser
# tests last, against the jar that `mvn verify` built (scripts/site-tests.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/db-setup.sh
bash scripts/site-tests.sh unit
mvn -B verify
bash scripts/site-tests.sh e2e
