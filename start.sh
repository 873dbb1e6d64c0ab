#!/usr/bin/env bash
# Builds the service when the jar is missing or older than the sources, then runs it in the
# current working directory: settings come from the environment and from ./.env there (see
# .env.example), and the embedded database goes to ./data/ there, as with java -jar.
set -euo pipefail
repository="$(cd "$(dirname "$0")" && pwd)"
jar="$repository/target/support-assistant.jar"
if [ ! -f "$jar" ] || [ -n "$(cd "$repository" && find src pom.xml -newer "$jar" -print -quit)" ]; then
  (cd "$repository" && ./mvnw -q -B -DskipTests package)
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
