#!/bin/sh
# Crash consistency (SIGKILL mid-load, restart, check every acknowledged message). JAVA_HOME picks
# the JDK (17 or newer).
# Arguments: customers, seconds before the kill, rounds.
set -e
cd "$(dirname "$0")/../.."
[ -f target/support-assistant.jar ] || ./mvnw -q -B -DskipTests package
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" bench/crash/CrashConsistency.java target/support-assistant.jar "${1:-32}" "${2:-8}" "${3:-3}"
