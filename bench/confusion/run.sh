#!/bin/sh
# Times the confusion analyzer per message (see bench/RESULTS.md); the timing loop is
# bench/confusion/src/.../ConfusionBenchmark.java, built by the pom's "bench" profile into
# bench/target. JAVA_HOME picks the JDK; the optional argument is the number of warm-up calls of
# the full analyzer (default 500).
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=bench/target/test-classpath.txt
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -cp "bench/target/test-classes:bench/target/classes:$(cat bench/target/test-classpath.txt)" \
    dev.supportassistant.confusion.ConfusionBenchmark "$@"
