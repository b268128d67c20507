# Pathary container image.
#
#   podman build --format docker -t pathary .          (docker build -t pathary . works the same)
#   podman run -d -p 8080:8080 -v pathary-data:/data pathary
#
# Two stages: the first builds the jar with the Maven Wrapper on a JDK (21 or newer) and cuts a small Java runtime
# out of that JDK with jlink; the second holds only that runtime, the jar and a launcher, on a small glibc base.
# Both bases are build arguments: the defaults are public images; packaging/container/image-test.sh builds from bases
# it makes itself out of Debian packages (debootstrap), for machines that reach no image registry.
# --format docker keeps the HEALTHCHECK (the OCI image format has no field for it; podman drops it otherwise).
ARG BUILD_BASE=docker.io/library/eclipse-temurin:21-jdk
ARG RUNTIME_BASE=docker.io/library/debian:trixie-slim

FROM ${BUILD_BASE} AS build
# Maven reads MAVEN_ARGS (e.g. "-o -Dmaven.repo.local=/m2/repository") and the wrapper MAVEN_USER_HOME, so a build
# can reuse a Maven repository mounted with `podman build -v ~/.m2:/m2` instead of downloading it again.
ARG MAVEN_ARGS=""
ARG MAVEN_USER_HOME=/root/.m2
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# Only the main sources: a change to the tests does not rebuild the image.
COPY src/main/ src/main/
RUN --mount=type=cache,target=/root/.m2,id=pathary-maven \
    ./mvnw -B -q package -Dmaven.test.skip=true \
 && cp target/pathary.jar /pathary.jar
# The runtime holds the modules the jar uses (jdeps) plus those it reaches only by name: elliptic-curve TLS for
# https:// Jellyfin, Radarr and Sonarr on JDK 21, and the zip file system. --generate-cds-archive gives the JDK's own
# classes a shared archive, as a full JDK has.
RUN modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 21 /pathary.jar) \
 && for extra in jdk.crypto.ec jdk.zipfs jdk.localedata; do \
      if java --list-modules | grep -q "^$extra@"; then modules="$modules,$extra"; fi; \
    done \
 && echo "runtime modules: $modules" \
 && jlink --add-modules "$modules" --strip-java-debug-attributes --compress=zip-6 --no-man-pages --no-header-files --generate-cds-archive \
      --include-locales=en --output /runtime

FROM ${RUNTIME_BASE}
ARG RUNTIME_BASE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="Pathary" \
      org.opencontainers.image.description="Watch history, Jellyfin sync and safe watched-media cleanup through Radarr and Sonarr" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.base.name="${RUNTIME_BASE}"

# A fixed numeric user, so that a volume or a Kubernetes securityContext (runAsUser/fsGroup 10001) can match it.
RUN groupadd --system --gid 10001 pathary \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home --shell /usr/sbin/nologin pathary \
 && mkdir -p /data /var/cache/pathary \
 && chown pathary:pathary /data /var/cache/pathary
COPY --from=build /runtime /opt/java
COPY --from=build /pathary.jar /opt/pathary/pathary.jar
COPY packaging/container/pathary packaging/container/healthcheck /usr/local/bin/

ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DATA_DIR=/data \
    HTTP_PORT=8080
USER 10001:10001
WORKDIR /data
VOLUME /data
EXPOSE 8080
# /health/ready answers 200 once the database answers and its migrations are done. The first start migrates, so it
# gets a minute before failures count. Stop with a grace of 25 s: running jobs get 20 s to finish (see README).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["/usr/local/bin/healthcheck"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/pathary"]
CMD ["serve"]
