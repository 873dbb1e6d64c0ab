#!/usr/bin/env bash
# Load benchmarks of the service's own overhead (see bench/RESULTS.md). Needs only a JDK 17+;
# JAVA_HOME picks the JDK that runs the service (and the harness). One command:
#
#   bench/load/run.sh                 # all scenarios, results printed as Markdown
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/load/run.sh
#
# Scenarios: overhead one request at a time (gateway path: KNOWLEDGE_ENABLED=false; full path:
# retrieval on) against a zero-latency fake OpenAI upstream, minus the same calls made directly
# to the upstream; a fixed 500 requests/s; maximum throughput; 2,000 concurrent chats and 1,000
# concurrent streams against a 2-second upstream with the heap limited to 512 MiB; start-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=target/support-assistant.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { # a random port nobody answers on, below the ephemeral range the load's own connections use
  local p
  while :; do p=$((20000 + RANDOM % 12000)); (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done
}
load() { "$java" bench/load/LoadGenerator.java "$@"; }

start_upstream() { # LATENCY_MS: sets UPSTREAM (its port)
  UPSTREAM=$(free_port)
  "$java" bench/load/FakeUpstream.java "$UPSTREAM" "$1" > "$work/upstream-$UPSTREAM.log" 2>&1 &
  pids+=($!)
  until curl -s -o /dev/null "http://127.0.0.1:$UPSTREAM/" 2>/dev/null; do sleep 0.2; done
}

# start_service UPSTREAM_PORT KNOWLEDGE_ENABLED HEAP [JAR [JAVA_OPTS...]]: sets PORT, SERVICE_PID,
# STARTUP_MS and SERVICE_DIR (its working directory, with its database); a new empty directory
# unless REUSE_DIR names one (a restart on an existing database).
start_service() {
  local upstream=$1 knowledge=$2 heap=$3 app=${4:-$PWD/$jar} dir start
  if [ $# -ge 4 ]; then shift 4; else shift $#; fi
  PORT=$(free_port); dir=${REUSE_DIR:-$(mktemp -d -p "$work")}; SERVICE_DIR=$dir; start=$(date +%s%N)
  (cd "$dir" && exec env OPENAI_API_KEY=sk-bench OPENAI_BASE_URL="http://127.0.0.1:$upstream/v1" \
    DEFAULT_AI_PROVIDER=openai KNOWLEDGE_ENABLED="$knowledge" RATE_LIMIT_CHAT_PER_MINUTE=0 API_PORT="$PORT" \
    API_HOST=127.0.0.1 AI_TIMEOUT_SECONDS=60 "$java" -Xmx"$heap" "$@" -jar "$app" > "$dir/service.log" 2>&1) &
  SERVICE_PID=$!
  pids+=($SERVICE_PID)
  until curl -s "http://127.0.0.1:$PORT/api/v1/health" 2>/dev/null | grep -q healthy; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service did not start: $dir/service.log" >&2; cat "$dir/service.log" >&2; exit 1; }
    sleep 0.02
  done
  STARTUP_MS=$(( ($(date +%s%N) - start) / 1000000 ))
}

stop_service() { kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

echo "## Load benchmarks: $("$java" -version 2>&1 | head -1), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
start_upstream 0; upstream=$UPSTREAM
direct=$(load serial "http://127.0.0.1:$upstream/v1/chat/completions" 2000)
direct_p50=$(echo "$direct" | field p50)
echo "| scenario | figures |"
echo "|---|---|"
echo "| direct to the zero-latency upstream, one at a time | $direct |"

for knowledge in false true; do
  start_service "$upstream" "$knowledge" 1g
  path=$([ "$knowledge" = false ] && echo "gateway path (KNOWLEDGE_ENABLED=false)" || echo "full path (retrieval on)")
  load serial "http://127.0.0.1:$PORT/api/v1/chat" 300 > /dev/null   # warm-up
  echo "| $path, one at a time (direct p50 $direct_p50 ms) | $(load serial "http://127.0.0.1:$PORT/api/v1/chat" 1000) |"
  echo "| $path, fixed 500 requests/s for 20 s | $(load rate "http://127.0.0.1:$PORT/api/v1/chat" 500 20) |"
  echo "| $path, 64 in flight (maximum throughput) | $(load concurrent "http://127.0.0.1:$PORT/api/v1/chat" 64 100) |"
  stop_service
done

start_upstream 2000; slow=$UPSTREAM
start_service "$slow" false 512m
# Warm-up, as for the other scenarios: a service that has just started spends a third of its
# processor time compiling (JIT) in the first thousand requests.
load concurrent "http://127.0.0.1:$PORT/api/v1/chat" 200 5 > /dev/null
load concurrent "http://127.0.0.1:$PORT/api/v1/chat/stream" 100 2 > /dev/null
echo "| 2,000 concurrent chats, 2 s upstream, -Xmx512m | $(load concurrent "http://127.0.0.1:$PORT/api/v1/chat" 2000 1) |"
echo "| 1,000 concurrent streams, 2 s upstream, -Xmx512m | $(load concurrent "http://127.0.0.1:$PORT/api/v1/chat/stream" 1000 1) |"
echo "| resident memory after the concurrency runs | $(rss_mib "$SERVICE_PID") MiB |"
stop_service

# Start-up: plain java -jar, then the extracted layout with the JDK's start-up cache (CDS archive
# on 17-24, AOT cache on 25+), trained by a run that exits after the context refresh. Each first on
# an empty database (the bundled articles are embedded and stored), then restarted on it.
start_service "$upstream" true 1g
first=$STARTUP_MS
sleep 3
idle=$(rss_mib "$SERVICE_PID")
stop_service
REUSE_DIR=$SERVICE_DIR start_service "$upstream" true 1g
echo "| start-up to healthy, plain java -jar | first start ${first} ms, restart ${STARTUP_MS} ms; idle RSS ${idle} MiB |"
stop_service
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" > /dev/null
app="$work/extracted/$(basename "$jar")"
if "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
  (cd "$work" && "$java" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh \
    -Dspring.datasource.url="jdbc:h2:mem:training" -jar "$app" > "$work/training.log" 2>&1) || true
  cache_opts=(-XX:AOTCache="$work/app.aot"); cache_name="AOT cache"
else
  (cd "$work" && "$java" -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh \
    -Dspring.datasource.url="jdbc:h2:mem:training" -jar "$app" > "$work/training.log" 2>&1) || true
  cache_opts=(-XX:SharedArchiveFile="$work/app.jsa"); cache_name="CDS archive"
fi
start_service "$upstream" true 1g "$app" "${cache_opts[@]}"
first=$STARTUP_MS
stop_service
REUSE_DIR=$SERVICE_DIR start_service "$upstream" true 1g "$app" "${cache_opts[@]}"
echo "| start-up to healthy, extracted jar with the $cache_name | first start ${first} ms, restart ${STARTUP_MS} ms |"
stop_service
