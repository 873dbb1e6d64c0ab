#!/usr/bin/env bash
# Speed and memory of the offline engines (screenshots, voice): see bench/media/README.md.
# Needs only a JDK 17+ and curl; JAVA_HOME picks the JDK. Run it on a quiet machine:
#
#   bench/media/run.sh              # 20 iterations each
#   ITERATIONS=3 bench/media/run.sh # a quick check that it works
#   BASELINE_JAR=/path/to/jar-before-the-engines.jar bench/media/run.sh  # start-up compared with it
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=target/support-assistant.jar
iterations=${ITERATIONS:-20}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() {
  local p
  while :; do p=$((20000 + RANDOM % 12000)); (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done
}
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# start PRELOAD: sets PORT, pid, STARTUP_MS (process start to /api/v1/health answering)
start() {
  PORT=$(free_port); local start=$(date +%s%N) app=${2:-$PWD/$jar}
  (cd "$work" && exec env API_PORT="$PORT" API_HOST=127.0.0.1 RATE_LIMIT_MEDIA_PER_MINUTE=0 \
    PRELOAD_OFFLINE_ENGINES="$1" "$java" -jar "$app" > "$work/service.log" 2>&1) &
  pid=$!
  until curl -s "http://127.0.0.1:$PORT/api/v1/health" 2>/dev/null | grep -q healthy; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
    sleep 0.02
  done
  STARTUP_MS=$(( ($(date +%s%N) - start) / 1000000 ))
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

echo "## Screenshots and voice: $("$java" -version 2>&1 | head -1), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
# Start-up: the engines load after the service reports healthy (PRELOAD_OFFLINE_ENGINES=true, the
# default) or on first use (false); both must start as fast as before the engines were added.
# The first start copies the models out of the jar; the restarts reuse them.
for preload in true false true false; do
  start "$preload"
  echo "- start-up with PRELOAD_OFFLINE_ENGINES=$preload: ${STARTUP_MS} ms (RSS $(rss_mib "$pid") MiB)"
  stop
done
if [ -n "${BASELINE_JAR:-}" ]; then
  for run in 1 2; do
    start false "$(realpath "$BASELINE_JAR")"
    echo "- start-up of the baseline jar: ${STARTUP_MS} ms (RSS $(rss_mib "$pid") MiB)"
    stop
  done
fi
start false
idle=$(rss_mib "$pid")
"$java" bench/media/MediaBenchmark.java "$PORT" "$iterations" src/test/resources/media/printer-chrome.webm \
  | sed 's/^/- /'
echo "- memory (RSS): ${idle} MiB idle without the engines, $(rss_mib "$pid") MiB with all three loaded and used"
stop
