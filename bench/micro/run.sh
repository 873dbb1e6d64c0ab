#!/usr/bin/env bash
# JMH micro benchmarks: confusion analyzer per message, Agora token per token, knowledge search
# per query, the security filter chain per request (see bench/RESULTS.md). JAVA_HOME picks the
# JDK; extra arguments go to JMH, e.g.
#   bench/micro/run.sh -f 1 -wi 3 -i 5 Token
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
    -f 1 -wi 3 -w 2s -i 5 -r 2s "${@:-Benchmarks}"
