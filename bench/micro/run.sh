#!/usr/bin/env bash
# JMH micro benchmarks: confusion analyzer per message, Agora token per token, knowledge search
# per query, the security filter chain per request, rate limits and database turns (see
# bench/RESULTS.md). Their sources are in bench/micro/src, built with the tests against the
# service's classes by the pom's "bench" profile into bench/target, never by ./mvnw verify.
# JAVA_HOME picks the JDK. Arguments go to JMH: benchmark names alone run with the defaults below
# (bench/micro/run.sh Token), with options they replace them (bench/micro/run.sh -f 1 -wi 1 -i 3 Token).
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=bench/target/test-classpath.txt
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
case " $* " in
  *" -"*) ;;
  *) set -- -f 1 -wi 3 -w 2s -i 5 -r 2s "${@:-Benchmarks}" ;;
esac
exec "$java" -cp "bench/target/test-classes:bench/target/classes:$(cat bench/target/test-classpath.txt)" \
    org.openjdk.jmh.Main "$@"
