#!/usr/bin/env bash
# Builds target/kotaku-portal.jar (the site in frontend/ included, when present) without running tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
