#!/usr/bin/env bash
# What one capture of a shared screen costs the processor: a new capture (fingerprint, OCR with word
# boxes, screen guidance) against a duplicate (fingerprint only), on a 1920x1080 desktop drawn by the
# benchmark. See bench/RESULTS.md ("Screen guidance"). JAVA_HOME picks the JDK; run it on a quiet
# machine, the figures are processor time:
#
#   bench/screens/run.sh            # 20 new captures, 200 duplicates
#   bench/screens/run.sh 5 50       # a quick check that it works
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=bench/target/test-classpath.txt
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
echo "## Screen captures: $("$java" -version 2>&1 | head -1), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
exec "$java" -cp "bench/target/test-classes:bench/target/classes:$(cat bench/target/test-classpath.txt)" \
    dev.supportassistant.screenshots.ScreenCaptureBudget "${1:-20}" "${2:-200}"
