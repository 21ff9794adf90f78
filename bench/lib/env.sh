# The settings every benchmark script shares: paths, the mode (--quick or full), ports, database, seed.
# Sourced first, with BENCH_DIR set and the script's arguments ("$@").
ROOT=$(dirname "$BENCH_DIR")
WORK="$BENCH_DIR/work"
OUT_DIR="$BENCH_DIR/results"
JAR=${BENCH_JAR:-$ROOT/target/kotaku-portal.jar}
REGION_FILES="$ROOT/../shared/data"

MODE=full
case "${1:-}" in
  --quick) MODE=quick ;;
  "") ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

APP_PORT=${BENCH_APP_PORT:-18086}
NGINX_PORT=${BENCH_NGINX_PORT:-18090}
APP_URL="http://127.0.0.1:$APP_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
BENCH_DB=${BENCH_DB:-kotaku_bench}
SEED=20161
# The app's COPY path keeps a whole batch in direct memory (see bench/README.md): loading the fixture gets
# a larger heap; every measured scenario runs against an app started with -Xmx512m.
LOAD_JAVA_OPTS=${BENCH_LOAD_JAVA_OPTS:--Xmx2g}
