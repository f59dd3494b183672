# syntax=docker/dockerfile:1
# The SF Crime Stats pipeline image: the Quarry CLI with the SF project baked in. Cloud Run runs it as
#   quarry --log-format json pipeline --target prod --publish gs://<site bucket>/site
# (the job's args; terraform/modules/gcp/run.tf). Locally: docker build -t sf-crime-stats . && docker run --rm sf-crime-stats

# ---- build: the same package step as ./quarry (a thin jar plus target/lib), tests skipped: CI runs them ----------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY framework/pom.xml framework/
COPY project/pom.xml project/
COPY framework/src/main framework/src/main
COPY project/src/main project/src/main
# The Maven repository is a cache mount: rebuilds after a source edit do not download every dependency again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Dmaven.test.skip=true package

# ---- runtime: a JRE only ---------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# A user of its own: nothing in the container runs as root.
RUN groupadd --system quarry \
    && useradd --system --gid quarry --create-home --home-dir /home/quarry --shell /usr/sbin/nologin quarry

# The application in the launcher's layout (project/target/sf-crime-stats.jar with its dependencies in lib/), owned
# by root: the quarry user can run it, not change it.
COPY --from=build /src/project/target/sf-crime-stats.jar /opt/quarry/sf-crime-stats.jar
COPY --from=build /src/project/target/lib /opt/quarry/lib

# The SF Crime Stats project, read-only like the jars.
COPY quarry_project.yml profiles.yml /srv/sf-crime-stats/
COPY models /srv/sf-crime-stats/models
COPY macros /srv/sf-crime-stats/macros
COPY seeds /srv/sf-crime-stats/seeds
COPY tests /srv/sf-crime-stats/tests

# Quarry writes target/ (compiled SQL, run results, the site before it is published) and its logs in the project
# folder: the quarry user owns the folder itself and those, not the project files.
RUN mkdir -p /srv/sf-crime-stats/target /srv/sf-crime-stats/logs \
    && chown quarry:quarry /srv/sf-crime-stats /srv/sf-crime-stats/target /srv/sf-crime-stats/logs

ENV QUARRY_PROJECT_DIR=/srv/sf-crime-stats \
    HOME=/home/quarry
WORKDIR /srv/sf-crime-stats
USER quarry

# As ./quarry runs it, without the class-data archive (made per machine). MaxRAMPercentage: the heap follows the
# job's memory limit instead of the JVM's default quarter of it; the rest is DuckDB's and the page cache's.
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=70", "-cp", "/opt/quarry/sf-crime-stats.jar:/opt/quarry/lib/*", "dev.quarry.cli.QuarryMain"]
CMD ["--help"]
