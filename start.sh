#!/usr/bin/env bash
# Builds the service when the jar is missing or older than the sources, then runs it.
# Settings come from the environment and from ./.env (see .env.example).
set -euo pipefail
cd "$(dirname "$0")"
jar=target/support-assistant.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -q -B -DskipTests package
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
