# Build stage: compile and package with the Maven wrapper, then unpack the jar into its layers
# (dependencies first: they change least, so image layers are reused between builds).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/support-assistant.jar extract --layers --destination /layers

# Run stage: a JRE and the unpacked application, as an unprivileged user. Virtual threads are on
# (JDK 21+). The JDK's ahead-of-time cache is recorded here by a training run: the application,
# with no settings and the default embedded database (removed after), sends itself a customer's workload
# and exits, so the cache holds the classes and method profiles of real requests (bench/RESULTS.md).
FROM eclipse-temurin:25-jre
RUN useradd --system --create-home --home-dir /app support
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
RUN RATE_LIMIT_CHAT_PER_MINUTE=0 java -XX:MaxRAMPercentage=75 -XX:AOTCacheOutput=app.aot \
      -Dsupport.training.requests=300 -Dserver.port=0 -jar support-assistant.jar > /dev/null \
 && rm -rf /app/data
# The cache holds the class path as it was given: start from /app with the same relative paths.
# The default H2 database lives in /app/data; mount a volume there, or set DATABASE_URL.
RUN mkdir -p /app/data && chown support /app/data
USER support
EXPOSE 8000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:AOTCache=app.aot", "-jar", "support-assistant.jar"]
