#!/usr/bin/env bash
# What a limited request costs with Bucket4j (RateLimitCosts.java; see bench/RESULTS.md, "Rate limits").
# JAVA_HOME picks the JDK.
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "target/classes:$(cat target/test-classpath.txt)" bench/ratelimit/RateLimitCosts.java
