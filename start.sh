#!/usr/bin/env bash
# Builds the service when the jar is missing or older than the sources, then runs it in the
# current working directory: settings come from the environment and from ./.env there (see
# .env.example), and the embedded database goes to ./data/ there, as with java -jar.
#
# It runs the jar unpacked (target/start/app/) with the JDK's start-up cache: an ahead-of-time
# cache on JDK 25 and newer (classes loaded and linked, and method profiles), a class-data archive
# on 17-24. The cache is recorded once per build and JDK by a training run: the service starts on a
# database of its own with no settings, sends itself a customer's workload (START_TRAINING_REQUESTS,
# 300: chat turns, streamed turns, histories) and exits. Every start after it is faster, and
# answers at near its steady speed from the first requests (bench/RESULTS.md). START_CACHE=false
# runs the packaged jar as it is.
set -euo pipefail
repository="$(cd "$(dirname "$0")" && pwd)"
jar="$repository/target/support-assistant.jar"
progress() { echo "start.sh: $*" >&2; }

if [ ! -f "$jar" ] || [ -n "$(cd "$repository" && find src pom.xml -newer "$jar" -print -quit)" ]; then
  progress "building the service (the first build downloads Maven and the dependencies: minutes)"
  # Maven's own output is kept in target/build.log; its steps and a count of downloads are shown.
  mkdir -p "$repository/target"
  if ! (cd "$repository" && ./mvnw -B -DskipTests package 2>&1) | tee "$repository/target/build.log" | awk '
      /^Downloaded from/ { if (++downloads % 100 == 0) printf "start.sh: %d files downloaded\n", downloads > "/dev/stderr"; next }
      /^\[INFO\] --- / { sub(/^\[INFO\] --- /, ""); sub(/ ---$/, ""); print "start.sh: build step " $0 > "/dev/stderr" }'
  then
    tail -40 "$repository/target/build.log" >&2
    progress "the build failed (whole log: target/build.log)"
    exit 1
  fi
fi
if [ "${START_CACHE:-true}" = false ]; then
  exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
fi

start="$repository/target/start"
app="$start/app/support-assistant.jar"
if [ ! -f "$app" ] || [ "$jar" -nt "$app" ]; then # a new build: unpack it, and forget the old caches
  rm -rf "$start"
  java -Djarmode=tools -jar "$jar" extract --destination "$start/app" > /dev/null
fi

# One cache per JDK: a cache recorded by another JDK is refused by this one.
settings=$(java -XshowSettings:properties -version 2>&1)
version=$(sed -n 's/^ *java\.version = //p' <<< "$settings")
jdk=$(sed -n 's/^ *java\.home = //p' <<< "$settings" | cat - <(echo "$version") | cksum | cut -d ' ' -f 1)
if [ "${version%%[.-]*}" -ge 25 ] 2>/dev/null; then
  cache="$start/jdk-$jdk.aot"; record=(-XX:AOTCacheOutput="$cache"); use=(-XX:AOTCache="$cache")
else
  cache="$start/jdk-$jdk.jsa"; record=(-XX:ArchiveClassesAtExit="$cache"); use=(-XX:SharedArchiveFile="$cache")
fi
if [ ! -f "$cache" ]; then
  requests=${START_TRAINING_REQUESTS:-300}
  progress "recording the JDK's start-up cache for this build: a training run of $requests requests (once, under a minute)"
  # In target/start/training, with no settings (no .env there, a clean environment), on a random port
  # and the default embedded database there, removed after: nothing of the caller's is read or written.
  if ! (mkdir -p "$start/training" && cd "$start/training" && env -i PATH="$PATH" HOME="${HOME:-/tmp}" \
        RATE_LIMIT_CHAT_PER_MINUTE=0 java "${record[@]}" -Dsupport.training.requests="$requests" -Dserver.port=0 \
        -jar "$app" 2>&1 | tee "$start/training.log" | sed -nu 's/.*Training run: \([0-9]* of [0-9]*\) requests.*/start.sh: training run: \1 requests/p' >&2
        [ "${PIPESTATUS[0]}" -eq 0 ]) || [ ! -f "$cache" ]; then
    progress "no start-up cache (see $start/training.log); starting without it"
    rm -f "$cache"
    use=()
  fi
  rm -rf "$start/training"
fi
exec java ${use[@]+"${use[@]}"} ${JAVA_OPTS:-} -jar "$app" "$@"
