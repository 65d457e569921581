# gridbot's daemon in a container: docker build -t gridbot . && docker run -d -p 8080:8080 -v gridbot-data:/data gridbot
# (docs/deploy.md has the whole story). Build stage: the Maven wrapper on a JDK makes the app image.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

# Run stage: the app image on a JRE, as an unprivileged user, with its data on a volume.
FROM eclipse-temurin:21-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 gridbot \
    && useradd --system --uid 10001 --gid gridbot --home-dir /data --no-create-home --shell /usr/sbin/nologin gridbot \
    && mkdir -p /data \
    && chown gridbot:gridbot /data
COPY --from=build /src/grid-runner/target/gridbot/ /opt/gridbot/
ENV GRIDBOT_DATA_DIR=/data \
    XDG_CACHE_HOME=/tmp
USER 10001:10001
VOLUME /data
EXPOSE 8080
# The daemon stops its grids in order on SIGTERM: give it time with docker stop -t 60.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["/opt/gridbot/bin/grid"]
CMD ["daemon", "--http-bind", "0.0.0.0"]
