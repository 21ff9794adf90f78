#!/usr/bin/env bash
# Class data sharing for a faster start: extracts the built jar into DIR/app (Spring Boot's tools jar mode) and
# records the classes a start loads into DIR/kotaku-portal.jsa, by a training start that stops once the application
# context is refreshed (-Dspring.context.exit=onRefresh). The training needs no database: migrations, the demo
# loader and bulk files are off, and the read model's first refresh, which would fail, is cut short by the exit.
# Idempotent: redone only when the jar is newer than the archive. Prints the java arguments that start the app
# with it (a JVM that cannot map the archive starts without it, only slower).
#
#   bash scripts/cds.sh [JAR (target/kotaku-portal.jar)] [DIR (target/cds)]
#   exec java $JAVA_OPTS $(bash scripts/cds.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$(realpath "${1:-target/kotaku-portal.jar}")
dir=$(realpath -m "${2:-target/cds}")
archive="$dir/kotaku-portal.jsa"

if [ ! -s "$archive" ] || [ "$jar" -nt "$archive" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >"$dir/extract.log" 2>&1
  # the log of the training start is kept beside the archive; its warnings (classes CDS cannot archive) are normal
  # its exit status says nothing useful (the context stops itself); the archive it leaves is what counts
  env PORTAL_DB_PASSWORD=cds-training PORTAL_DB_PROVISION=no PORTAL_LOG_FORMAT=text \
    java -Xmx512m -XX:ArchiveClassesAtExit="$archive.tmp" -Dspring.context.exit=onRefresh \
    -jar "$dir/app/$(basename "$jar")" --server.port=0 --spring.flyway.enabled=false \
    --portal.demo.load-on-empty=false --portal.bulk.enabled=false --portal.read-model.snapshot-directory= \
    >"$dir/training.log" 2>&1 || true
  if [ -s "$archive.tmp" ]; then
    mv "$archive.tmp" "$archive"
  else
    echo "[cds] no archive written (see $dir/training.log); starting without class data sharing" >&2
  fi
fi

if [ -s "$archive" ]; then
  echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off -jar $dir/app/$(basename "$jar")"
else
  echo "-jar $jar"
fi
