#!/usr/bin/env bash
# Runs every test of the portal against a real PostgreSQL + PostGIS. Idempotent: provisions the database
# server first (scripts/db-setup.sh); the tests create and drop databases of their own, so the demo
# database is never touched and two runs in a row both pass.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/db-setup.sh
mvn -B verify
