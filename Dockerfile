# syntax=docker/dockerfile:1
# One image recipe for the four services: docker build --build-arg SERVICE=gateway .
# The build runs inside the image, so a fresh clone needs nothing but Docker.

FROM eclipse-temurin:25.0.3_9-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY api/ api/
COPY test-support/ test-support/
COPY service-support/ service-support/
COPY pipes/ pipes/
COPY gateway/ gateway/
COPY square-worker/ square-worker/
COPY record-service/ record-service/
COPY printer-service/ printer-service/
# Maven reads every module of the reactor, even one it does not build.
COPY deploy-checks/pom.xml deploy-checks/
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" && ./mvnw --batch-mode --no-transfer-progress -pl "$SERVICE" -am package -DskipTests \
    && cp "$SERVICE"/target/"$SERVICE"-*.jar /src/app.jar
# Spring Boot's extracted layout: the jar and its libraries side by side, which the AOT cache needs.
RUN java -Djarmode=tools -jar /src/app.jar extract --destination /app

FROM eclipse-temurin:25.0.3_9-jre
ARG SERVICE
# /app belongs to the service's user before anything lands in it: WORKDIR makes it root's, COPY --chown leaves an
# existing folder's owner as it is, and the training run below, as that user, writes the AOT cache into it.
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app \
    && install -d -o app -g app /app
WORKDIR /app
COPY --from=build --chown=app:app /app/ /app/
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
USER app
# The same JVM flags for the training run and the service (./ensemble's collector; the heap a share of the limit).
ENV SERVICE=${SERVICE} \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# JDK 25's AOT cache (JEP 483/514): a training run that starts the Spring context and exits once it is refreshed,
# before its Kafka listeners or Redis connections start; start-up then loads the classes it recorded. No broker is
# there at build time, so the training run skips creating topics rather than wait for one.
RUN java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -Dspring.kafka.admin.auto-create=false \
    -jar /app/app.jar
# The JVM only warns, and exits 0, when it cannot write the cache: the build fails instead.
RUN test -s /app/app.aot
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
