#!/usr/bin/env bash
# Builds the service when the jar is missing or older than the sources, then runs it in the
# current working directory: settings come from the environment and from ./.env there (see
# .env.example), and the embedded database goes to ./data/ there, as with java -jar.
#
# It runs the jar unpacked (target/start/app/) with the JDK's start-up cache: an ahead-of-time
# cache on JDK 25 and newer, a class-data archive on 17-24. The cache is recorded once per build
# and JDK, by a run that starts the service on an in-memory database with no settings and exits;
# every start after it takes about half as long (bench/RESULTS.md). START_CACHE=false runs the
# packaged jar as it is.
set -euo pipefail
repository="$(cd "$(dirname "$0")" && pwd)"
jar="$repository/target/support-assistant.jar"
if [ ! -f "$jar" ] || [ -n "$(cd "$repository" && find src pom.xml -newer "$jar" -print -quit)" ]; then
  (cd "$repository" && ./mvnw -q -B -DskipTests package)
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
  echo "start.sh: recording the JDK's start-up cache for this build (once, about as long as a start)" >&2
  # In target/start, with no settings (no .env there, a clean environment), on a random port and an
  # in-memory database: nothing of the caller's is read or written.
  if ! (cd "$start" && env -i PATH="$PATH" HOME="${HOME:-/tmp}" java "${record[@]}" \
        -Dspring.context.exit=onRefresh -Dserver.port=0 -Dspring.datasource.url=jdbc:h2:mem:training \
        -jar "$app" > training.log 2>&1) || [ ! -f "$cache" ]; then
    echo "start.sh: no start-up cache (see $start/training.log); starting without it" >&2
    rm -f "$cache"
    use=()
  fi
fi
exec java ${use[@]+"${use[@]}"} ${JAVA_OPTS:-} -jar "$app" "$@"
