#!/bin/sh
# Times masking one turn and restoring its answer (see bench/RESULTS.md). JAVA_HOME picks the JDK;
# the optional argument is the number of warm-up turns (default 2000).
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=bench/target/test-classpath.txt
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -cp "bench/target/test-classes:bench/target/classes:$(cat bench/target/test-classpath.txt)" \
    dev.supportassistant.privacy.MaskingBenchmark "$@"
