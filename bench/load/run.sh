#!/usr/bin/env bash
# Load benchmarks of the service's own overhead (see bench/RESULTS.md). Needs a JDK 17+ (JAVA_HOME
# picks the JDK that runs the service and the harness); the side-by-side section also needs node
# and npm (it installs the peer from npm) and wrk. Results are printed as Markdown on stdout,
# progress on stderr.
#
#   bench/load/run.sh                           # every section
#   bench/load/run.sh side-by-side              # only the comparison with Portkey (about 12.5 minutes)
#   bench/load/run.sh overhead concurrency      # any of the sections, in this order
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/load/run.sh
#
# Sections:
#   side-by-side  this service and the Portkey AI gateway (npm @portkey-ai/gateway 1.15.2, installed
#                 into a temporary folder) in front of the same zero-latency fake OpenAI upstream,
#                 each request a message not sent before: added latency one at a time (p50 and p99
#                 minus the direct p50), requests/s at 64 connections (wrk, bench/load/chat.lua,
#                 non-2xx counted), 400 concurrent chats on a 1 s upstream (p99). Knobs:
#                 WARMUP_SECONDS (120: wrk at 64 connections before anything is measured, each system
#                 alike, as a JVM compiles for about two minutes of load), SERIAL_REQUESTS (1000),
#                 WRK_SECONDS (20), WRK_WARMUP_SECONDS (10), PORTKEY_DIR (an
#                 existing installation of 1.15.2 to use instead of installing one).
#   overhead      one request at a time (gateway path: KNOWLEDGE_ENABLED=false; full path: retrieval
#                 on) minus the same calls made directly to the upstream; a fixed 500 requests/s;
#                 maximum throughput (64 in flight).
#   concurrency   2,000 concurrent chats and 1,000 concurrent streams against a 2-second upstream,
#                 the heap limited to 512 MiB.
#   overload      the capacity at 64 connections, then that rate for 20 s, twice it for 30 s and half of it for
#                 10 s (an open model): what is answered, what is refused (503), how fast, server side.
#   startup       start-up to healthy, plain java -jar and with the JDK's start-up cache (recorded by
#                 the training run, as start.sh does; TRAINING_REQUESTS, 300).
#   warmup        requests/s of a fresh instance in its first FIRST_SECONDS (30) of load against its
#                 steady rate after WARMUP_SECONDS (120) more, plain and with the start-up cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
all_sections=(side-by-side overhead concurrency overload startup warmup)
sections=("$@")
[ $# -gt 0 ] || sections=("${all_sections[@]}")
for s in "${sections[@]}"; do
  case " ${all_sections[*]} " in *" $s "*) ;; *) echo "unknown section '$s'; sections: ${all_sections[*]}" >&2; exit 2 ;; esac
done
wants() { case " ${sections[*]} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=target/support-assistant.jar
portkey_version=1.15.2
if wants side-by-side; then # check before anything is built or started
  missing=()
  command -v node > /dev/null || missing+=(node)
  [ -n "${PORTKEY_DIR:-}" ] || command -v npm > /dev/null || missing+=(npm)
  command -v wrk > /dev/null || missing+=(wrk)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "the side-by-side section needs ${missing[*]}: on Debian or Ubuntu, sudo apt-get install ${missing[*]/node/nodejs}" \
      "(node 18 or newer), or run the other sections: bench/load/run.sh overhead concurrency overload startup" >&2
    exit 1
  fi
fi
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
progress() { echo "[$(date +%H:%M:%S)] $*" >&2; }

start_upstream() { # LATENCY_MS: sets UPSTREAM (its port) and UPSTREAM_PID
  UPSTREAM=$(free_port)
  "$java" bench/load/FakeUpstream.java "$UPSTREAM" "$1" > "$work/upstream-$UPSTREAM.log" 2>&1 &
  UPSTREAM_PID=$!
  pids+=($UPSTREAM_PID)
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

stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
stop_service() { stop "$SERVICE_PID"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

# --- side-by-side: this service and the Portkey AI gateway, same upstream, same run ---------------

install_portkey() { # sets PORTKEY_JS
  local dir=${PORTKEY_DIR:-$work/portkey} installed
  if [ -z "${PORTKEY_DIR:-}" ]; then
    progress "installing @portkey-ai/gateway@$portkey_version from npm into $dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@portkey-ai/gateway@$portkey_version" \
      > "$work/npm.log" 2>&1 || { echo "npm install failed:" >&2; cat "$work/npm.log" >&2; exit 1; }
  fi
  installed=$(node -p "require('$dir/node_modules/@portkey-ai/gateway/package.json').version" 2>/dev/null || true)
  [ "$installed" = "$portkey_version" ] ||
    { echo "expected @portkey-ai/gateway $portkey_version in $dir, found '${installed:-nothing}'" >&2; exit 1; }
  PORTKEY_JS=$dir/node_modules/@portkey-ai/gateway/build/start-server.js
}

start_portkey() { # sets PORTKEY (its port) and PORTKEY_PID
  PORTKEY=$(free_port)
  node "$PORTKEY_JS" --port="$PORTKEY" > "$work/portkey.log" 2>&1 &
  PORTKEY_PID=$!
  pids+=($PORTKEY_PID)
  until curl -s -o /dev/null "http://127.0.0.1:$PORTKEY/" 2>/dev/null; do
    kill -0 "$PORTKEY_PID" 2>/dev/null || { echo "Portkey did not start:" >&2; cat "$work/portkey.log" >&2; exit 1; }
    sleep 0.2
  done
}

# warmed_up URL [openai [UPSTREAM]]: wrk at 64 connections for WARMUP_SECONDS, output dropped. A JVM
# keeps compiling for about two minutes of load (measured: the JIT threads took 10, 7, 5, 6, 4, 3, 2,
# 1, 1, 0 processor-seconds in successive 15 s windows while requests/s rose from 69 to 260), so the
# side-by-side figures are taken after it, for every system alike.
warmed_up() {
  local url=$1; shift
  [ "$WARMUP_SECONDS" -eq 0 ] || wrk -t2 -c64 --timeout 10s -s bench/load/chat.lua -d"${WARMUP_SECONDS}s" "$url" -- "$@" > /dev/null
}

# one_at_a_time URL [--header 'Name: value']...: 300 requests to warm up, then the measured ones
one_at_a_time() {
  local url=$1; shift
  load serial "$url" 300 "$@" > /dev/null
  load serial "$url" "$SERIAL_REQUESTS" "$@"
}

# at_64_connections URL [openai [UPSTREAM]]: wrk to warm up, then the measured run's summary line
at_64_connections() {
  local url=$1; shift
  local wrk_opts=(-t2 -c64 --timeout 10s -s bench/load/chat.lua)
  [ "$WRK_WARMUP_SECONDS" -eq 0 ] || wrk "${wrk_opts[@]}" -d"${WRK_WARMUP_SECONDS}s" "$url" -- "$@" > /dev/null
  wrk "${wrk_opts[@]}" -d"${WRK_SECONDS}s" "$url" -- "$@" | grep '^requests='
}

added() { # MEASURED_LINE FIELD: that percentile minus the direct p50, in ms
  awk -v m="$(echo "$1" | field "$2")" -v d="$direct_p50" 'BEGIN { printf "%.2f ms", m - d }'
}
per_second() { echo "$1" | sed -n 's/.*throughput=\([0-9]*\)\/s.*/\1/p'; }
wrk_cell() { echo "$(per_second "$1") (non-2xx $(echo "$1" | field non2xx), socket errors $(echo "$1" | field socket_errors))"; }
p99_seconds() { awk -v p="$(echo "$1" | field p99)" -v e="$(echo "$1" | field errors)" 'BEGIN { printf "%.2f s (errors %d)", p / 1000, e }'; }

side_by_side() {
  SERIAL_REQUESTS=${SERIAL_REQUESTS:-1000} WRK_SECONDS=${WRK_SECONDS:-20} WRK_WARMUP_SECONDS=${WRK_WARMUP_SECONDS:-10}
  WARMUP_SECONDS=${WARMUP_SECONDS:-120}
  local started=$SECONDS portkey_headers direct direct_wrk slow direct_400
  local pk_serial pk_wrk pk_400 gw_serial gw_wrk gw_400 rt_serial rt_wrk
  install_portkey
  start_upstream 0; local upstream=$UPSTREAM upstream_pid=$UPSTREAM_PID
  start_upstream 1000; slow=$UPSTREAM; local slow_pid=$UPSTREAM_PID
  start_portkey
  portkey_headers=(--header "x-portkey-provider: openai" --header "Authorization: Bearer sk-bench")

  progress "side-by-side: direct to the upstream"
  direct=$(load serial "http://127.0.0.1:$upstream/v1/chat/completions" 2000)
  direct_p50=$(echo "$direct" | field p50)
  direct_wrk=$(WRK_WARMUP_SECONDS=0 WRK_SECONDS=5 at_64_connections "http://127.0.0.1:$upstream/v1/chat/completions" openai)
  direct_400=$(load concurrent "http://127.0.0.1:$slow/v1/chat/completions" 400 1)

  progress "side-by-side: Portkey"
  warmed_up "http://127.0.0.1:$PORTKEY/v1/chat/completions" openai "http://127.0.0.1:$upstream/v1"
  pk_serial=$(one_at_a_time "http://127.0.0.1:$PORTKEY/v1/chat/completions" "${portkey_headers[@]}" \
    --header "x-portkey-custom-host: http://127.0.0.1:$upstream/v1")
  pk_wrk=$(at_64_connections "http://127.0.0.1:$PORTKEY/v1/chat/completions" openai "http://127.0.0.1:$upstream/v1")
  pk_400=$(load concurrent "http://127.0.0.1:$PORTKEY/v1/chat/completions" 400 1 "${portkey_headers[@]}" \
    --header "x-portkey-custom-host: http://127.0.0.1:$slow/v1")
  stop "$PORTKEY_PID"

  progress "side-by-side: this service, gateway path"
  start_service "$upstream" false 1g
  warmed_up "http://127.0.0.1:$PORT/api/v1/chat"
  gw_serial=$(one_at_a_time "http://127.0.0.1:$PORT/api/v1/chat")
  gw_wrk=$(at_64_connections "http://127.0.0.1:$PORT/api/v1/chat")
  stop_service
  progress "side-by-side: this service, retrieval on"
  start_service "$upstream" true 1g
  warmed_up "http://127.0.0.1:$PORT/api/v1/chat"
  rt_serial=$(one_at_a_time "http://127.0.0.1:$PORT/api/v1/chat")
  rt_wrk=$(at_64_connections "http://127.0.0.1:$PORT/api/v1/chat")
  stop_service
  progress "side-by-side: this service, gateway path, 400 concurrent chats on the 1 s upstream"
  start_service "$slow" false 512m
  [ "$WARMUP_SECONDS" -eq 0 ] || wrk -t2 -c256 --timeout 10s -s bench/load/chat.lua -d"${WARMUP_SECONDS}s" \
    "http://127.0.0.1:$PORT/api/v1/chat" > /dev/null   # warm-up (JIT), at about the service's own rate
  load concurrent "http://127.0.0.1:$PORT/api/v1/chat" 200 5 > /dev/null
  gw_400=$(load concurrent "http://127.0.0.1:$PORT/api/v1/chat" 400 1)
  stop_service
  stop "$upstream_pid"; stop "$slow_pid"

  echo "### Side by side with the Portkey AI gateway"
  echo
  echo "$jdk; node $(node --version); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); one request at a time" \
    "$SERIAL_REQUESTS after ${WARMUP_SECONDS} s of wrk and 300 to warm up; wrk ${WRK_SECONDS} s at 64 connections (2 threads) after" \
    "${WRK_WARMUP_SECONDS} s more; every request a message not sent before; section took $((SECONDS - started)) s."
  echo
  echo "| | added latency, one at a time (p50) | added latency, one at a time (p99) | requests/s at 64 connections (wrk) | 400 concurrent chats, 1 s upstream (p99) |"
  echo "|---|---|---|---|---|"
  echo "| the upstream alone (reference) | 0 (p50 $direct_p50 ms) | $(added "$direct" p99) | $(wrk_cell "$direct_wrk") | $(p99_seconds "$direct_400") |"
  echo "| Portkey AI gateway (npm \`@portkey-ai/gateway\` $portkey_version, Node) | $(added "$pk_serial" p50) | $(added "$pk_serial" p99) | $(wrk_cell "$pk_wrk") | $(p99_seconds "$pk_400") |"
  echo "| this service (gateway path, \`KNOWLEDGE_ENABLED=false\`) | $(added "$gw_serial" p50) | $(added "$gw_serial" p99) | $(wrk_cell "$gw_wrk") | $(p99_seconds "$gw_400") |"
  echo "| this service (retrieval on) | $(added "$rt_serial" p50) | $(added "$rt_serial" p99) | $(wrk_cell "$rt_wrk") | not run |"
  echo
  echo "| raw figures | |"
  echo "|---|---|"
  echo "| direct to the upstream, one at a time | $direct |"
  echo "| direct to the upstream, wrk 5 s at 64 connections | $direct_wrk |"
  echo "| direct to the 1 s upstream, 400 concurrent | $direct_400 |"
  echo "| Portkey, one at a time | $pk_serial |"
  echo "| Portkey, wrk at 64 connections | $pk_wrk |"
  echo "| Portkey, 400 concurrent, 1 s upstream | $pk_400 |"
  echo "| this service, gateway path, one at a time | $gw_serial |"
  echo "| this service, gateway path, wrk at 64 connections | $gw_wrk |"
  echo "| this service, gateway path, 400 concurrent, 1 s upstream, -Xmx512m | $gw_400 |"
  echo "| this service, retrieval on, one at a time | $rt_serial |"
  echo "| this service, retrieval on, wrk at 64 connections | $rt_wrk |"
  echo
}

# --- the service's own figures ------------------------------------------------------------------

overhead() {
  start_upstream 0; local upstream=$UPSTREAM direct direct_p50 knowledge path
  progress "overhead"
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
  stop "$UPSTREAM_PID"
  echo
}

concurrency() {
  start_upstream 2000; local slow=$UPSTREAM
  progress "concurrency"
  start_service "$slow" false 512m
  # Warm-up, as for the other scenarios: a service that has just started spends a third of its
  # processor time compiling (JIT) in the first thousand requests.
  load concurrent "http://127.0.0.1:$PORT/api/v1/chat" 200 5 > /dev/null
  load concurrent "http://127.0.0.1:$PORT/api/v1/chat/stream" 100 2 > /dev/null
  echo "| scenario | figures |"
  echo "|---|---|"
  echo "| 2,000 concurrent chats, 2 s upstream, -Xmx512m | $(load concurrent "http://127.0.0.1:$PORT/api/v1/chat" 2000 1) |"
  echo "| 1,000 concurrent streams, 2 s upstream, -Xmx512m | $(load concurrent "http://127.0.0.1:$PORT/api/v1/chat/stream" 1000 1) |"
  echo "| resident memory after the concurrency runs | $(rss_mib "$SERVICE_PID") MiB |"
  stop_service
  stop "$UPSTREAM_PID"
  echo
}

# served_by_the_service LOG_LINE_FROM: the service's own account of the chats it logged from that
# line of its log on: answered (200) and refused (503) with their durations, anything else counted.
served_by_the_service() {
  local lines answered refused
  lines=$(tail -n +"$1" "$SERVICE_DIR/service.log" | grep -o 'POST /api/v1/chat [0-9]* [0-9]* ms' || true)
  read -r -a answered <<< "$(echo "$lines" | awk '$3 == 200 { print $4 }' | count_and_percentiles)"
  read -r -a refused <<< "$(echo "$lines" | awk '$3 == 503 { print $4 }' | count_and_percentiles)"
  echo "answered ${answered[0]} (p50 ${answered[1]} ms, p99 ${answered[2]} ms), refused ${refused[0]}" \
    "(p50 ${refused[1]} ms, p99 ${refused[2]} ms, max ${refused[3]} ms)," \
    "other $(echo "$lines" | awk 'NF && $3 != 200 && $3 != 503' | wc -l)"
}
count_and_percentiles() { # numbers on stdin: how many, p50, p99, max
  sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "0 0 0 0";
    else print NR, a[int((NR - 1) * 0.5) + 1], a[int((NR - 1) * 0.99) + 1], a[NR] }'
}

# Overload: the capacity (wrk at 64 connections, after warming up), then requests started at that
# rate for 20 s (what this load generator itself gets through at the capacity: it opens a connection
# per request in flight and shares the processors), at twice that rate for 30 s whatever the answers
# do (an open model: customers do not wait for each other), then at half of it for 10 s. The load generator shares the machine's processors with the service
# and starves with it, so the service's own log says how long answers and refusals took there.
overload() {
  start_upstream 0; local upstream=$UPSTREAM url capacity_line capacity mark once once_served twice twice_served half half_served
  progress "overload"
  start_service "$upstream" false 1g
  url="http://127.0.0.1:$PORT/api/v1/chat"
  load serial "$url" 300 > /dev/null
  capacity_line=$(WRK_WARMUP_SECONDS=${WRK_WARMUP_SECONDS:-10} WRK_SECONDS=${WRK_SECONDS:-20} at_64_connections "$url")
  capacity=$(per_second "$capacity_line")
  mark=$(($(wc -l < "$SERVICE_DIR/service.log") + 1))
  once=$(load rate "$url" "$capacity" 20)
  once_served=$(served_by_the_service "$mark")
  mark=$(($(wc -l < "$SERVICE_DIR/service.log") + 1))
  twice=$(load rate "$url" $((capacity * 2)) 30)
  twice_served=$(served_by_the_service "$mark")
  mark=$(($(wc -l < "$SERVICE_DIR/service.log") + 1))
  half=$(load rate "$url" $((capacity / 2)) 10)
  half_served=$(served_by_the_service "$mark")
  stop_service
  stop "$UPSTREAM_PID"
  echo "| scenario (gateway path) | load generator's figures | the service's log |"
  echo "|---|---|---|"
  echo "| capacity: wrk at 64 connections | $capacity_line | |"
  echo "| the capacity's rate from this load generator, $capacity requests/s for 20 s | $once | $once_served |"
  echo "| twice the capacity, $((capacity * 2)) requests/s for 30 s | $twice | $twice_served |"
  echo "| then half of it, $((capacity / 2)) requests/s for 10 s | $half | $half_served |"
  echo
}

# record_cache: extracts the jar and records the JDK's start-up cache as start.sh does (an AOT cache
# on 25+, a CDS archive before), by the training run: the service, with no settings, sends itself
# TRAINING_REQUESTS (300) requests of a customer's workload and exits. Sets APP (the extracted jar),
# CACHE_OPTS (the options that use the cache) and CACHE_NAME.
record_cache() {
  local record
  [ -d "$work/extracted" ] || "$java" -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" > /dev/null
  APP="$work/extracted/$(basename "$jar")"
  if "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
    record=(-XX:AOTCacheOutput="$work/app.aot"); CACHE_OPTS=(-XX:AOTCache="$work/app.aot"); CACHE_NAME="AOT cache"
  else
    record=(-XX:ArchiveClassesAtExit="$work/app.jsa"); CACHE_OPTS=(-XX:SharedArchiveFile="$work/app.jsa"); CACHE_NAME="CDS archive"
  fi
  [ ! -f "${CACHE_OPTS[0]#*=}" ] || return 0
  progress "recording the $CACHE_NAME (training run)"
  mkdir -p "$work/training"
  (cd "$work/training" && env -i PATH="$PATH" HOME="${HOME:-/tmp}" RATE_LIMIT_CHAT_PER_MINUTE=0 "$java" "${record[@]}" \
    -Dsupport.training.requests="${TRAINING_REQUESTS:-300}" -Dserver.port=0 -jar "$APP" > "$work/training.log" 2>&1) ||
    { echo "the training run failed: $work/training.log" >&2; exit 1; }
}

# Start-up: plain java -jar, then the extracted layout with the JDK's start-up cache. Each first on
# an empty database (the bundled articles are embedded and stored), then restarted on it.
startup() {
  start_upstream 0; local upstream=$UPSTREAM first idle
  progress "startup"
  echo "| scenario | figures |"
  echo "|---|---|"
  start_service "$upstream" true 1g
  first=$STARTUP_MS
  sleep 3
  idle=$(rss_mib "$SERVICE_PID")
  stop_service
  REUSE_DIR=$SERVICE_DIR start_service "$upstream" true 1g
  echo "| start-up to healthy, plain java -jar | first start ${first} ms, restart ${STARTUP_MS} ms; idle RSS ${idle} MiB |"
  stop_service
  record_cache
  start_service "$upstream" true 1g "$APP" "${CACHE_OPTS[@]}"
  first=$STARTUP_MS
  stop_service
  REUSE_DIR=$SERVICE_DIR start_service "$upstream" true 1g "$APP" "${CACHE_OPTS[@]}"
  echo "| start-up to healthy, extracted jar with the $CACHE_NAME | first start ${first} ms, restart ${STARTUP_MS} ms |"
  stop_service
  stop "$UPSTREAM_PID"
  echo
}

# Warm-up: a fresh instance (gateway path) under wrk at 64 connections from the moment it is
# healthy: requests/s in its first FIRST_SECONDS (30), then after WARMUP_SECONDS (120) more of
# load, STEADY_SECONDS (30) measured; plain java -jar, then with the start-up cache of record_cache.
warmup() {
  local first_s=${FIRST_SECONDS:-30} warm_s=${WARMUP_SECONDS:-120} steady_s=${STEADY_SECONDS:-30}
  local wrk_opts=(-t2 -c64 --timeout 10s -s bench/load/chat.lua) upstream first steady variant
  start_upstream 0; upstream=$UPSTREAM
  record_cache
  echo "| fresh instance, gateway path, wrk at 64 connections | start-up to healthy | first ${first_s} s | steady (after ${warm_s} s more) | first / steady |"
  echo "|---|---|---|---|---|"
  for variant in plain cache; do
    progress "warmup: $variant"
    if [ "$variant" = plain ]; then
      start_service "$upstream" false 1g
    else
      start_service "$upstream" false 1g "$APP" "${CACHE_OPTS[@]}"
    fi
    first=$(wrk "${wrk_opts[@]}" -d"${first_s}s" "http://127.0.0.1:$PORT/api/v1/chat" | grep '^requests=')
    wrk "${wrk_opts[@]}" -d"${warm_s}s" "http://127.0.0.1:$PORT/api/v1/chat" > /dev/null
    steady=$(wrk "${wrk_opts[@]}" -d"${steady_s}s" "http://127.0.0.1:$PORT/api/v1/chat" | grep '^requests=')
    stop_service
    echo "| $([ "$variant" = plain ] && echo "plain java -jar" || echo "extracted jar with the $CACHE_NAME") | ${STARTUP_MS} ms" \
      "| $(wrk_cell "$first") | $(wrk_cell "$steady") |" \
      "$(awk -v f="$(per_second "$first")" -v s="$(per_second "$steady")" 'BEGIN { printf "%.0f%%", 100 * f / s }') |"
  done
  stop "$UPSTREAM_PID"
  echo
}

jdk=$("$java" -version 2>&1 | head -1)
echo "## Load benchmarks: $jdk, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
for section in "${sections[@]}"; do
  case $section in
    side-by-side) side_by_side ;;
    *) "$section" ;;
  esac
done
