# Two stages: build the jar (site included) with Maven and Node, then run it on a JRE.
# Vite 8 needs Node ^20.19 or >=22.12; the Maven image's own distribution (Ubuntu) ships an older one, so Node comes
# from the official Node image (frontend/__tests__/docker.test.ts checks the versions here against the build's).
FROM node:22-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/kotaku-portal.jar /app/kotaku-portal.jar
# class data sharing: a training start (no database needed) records the classes a start loads (scripts/cds.sh)
COPY scripts/cds.sh /app/scripts/cds.sh
RUN bash /app/scripts/cds.sh /app/kotaku-portal.jar /app/cds >/dev/null
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $(bash /app/scripts/cds.sh /app/kotaku-portal.jar /app/cds)"]
