# Build stage: compile and package with the Maven wrapper.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package

# Run stage: a JRE and the jar, as an unprivileged user. Virtual threads are on (JDK 21+).
FROM eclipse-temurin:25-jre
RUN useradd --system --create-home --home-dir /app support
WORKDIR /app
COPY --from=build /src/target/support-assistant.jar app.jar
# The default H2 database lives in /app/data; mount a volume there, or set DATABASE_URL.
RUN mkdir -p /app/data && chown support /app/data
USER support
EXPOSE 8000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
