# syntax=docker/dockerfile:1

# Image of the usage monitor: `docker build -t <registry>/claude-usage-monitor:0.1.0 .`
# The same image runs on Knative (knative/) and is the base of the OpenFaaS image (openfaas/).

# ---- Build: the Maven wrapper packages the Boot jar, then it is extracted into layers.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml .springjavaformatconfig ./
COPY src/main/ src/main/
COPY web/ web/
# Tests run in CI (./mvnw verify); the image build only packages.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp package -DskipTests
# One directory per layer (dependencies, spring-boot-loader, snapshot-dependencies,
# application); together they form application.jar plus lib/, which runs with `java -jar`
# and is the layout CDS and the AOT cache need.
RUN cp target/claude-usage-monitor-*.jar application.jar \
	&& java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# ---- Runtime: JRE 25, non-root, dependencies first so code changes rebuild one layer.
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 monitor \
	&& useradd --system --uid 10001 --gid monitor --no-create-home --shell /usr/sbin/nologin monitor \
	&& mkdir /data \
	&& chown 10001:10001 /data
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

# ---- JVM flags and AOT cache: startup and memory tuning goes here.
# Put JVM flags in JAVA_TOOL_OPTIONS (ENV JAVA_TOOL_OPTIONS="..."): the JVM reads it whatever
# launches it, the ENTRYPOINT below or the OpenFaaS watchdog's fprocess, which runs without a
# shell. It is left unset until then, because the JVM logs even an empty value. An AOT cache
# training run (JDK 25: -XX:AOTCacheOutput with -Dspring.context.exit=onRefresh) belongs in a
# RUN step right here, trained with the same flags it will run with.
# ---- End of JVM flags and AOT cache.

ENV SPRING_DATASOURCE_URL=jdbc:sqlite:/data/usage.db
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/application.jar"]
