#!/usr/bin/env bash
# Webhook load benchmark (issue 3): the real server (SQLite, fresh DATA_DIR) on 127.0.0.1, one user and
# its webhook URL made through the CLI, then the Java load client src/test/java/app/pathary/bench/WebhookLoad.java:
# warm-up, phase A (closed loop, best of several sender counts -> recorded/s), phase B (open loop at 500/s for 30 s
# -> latency from each send's due time). Every delivery must be answered "recorded"; anything else is an error.
#
# The server JVM gets the options ./pathary gives `serve` (read from the launcher itself, see launcher_serve_opts),
# with its class-data archive under target/ as ./pathary serve uses it, so the figures are those of a user's server.
#
#   bench/webhook-load.sh [key=value ...]     keys passed to WebhookLoad: movies warmup count senders rate seconds openSenders
#   SERVER_JAVA_OPTS="-XX:+UseSerialGC ..." bench/webhook-load.sh   these options instead of the launcher's (A/B);
#                                              SERVER_JAVA_OPTS="" (set but empty) is `java -jar` without options
#   SERVER_EXTRA_OPTS="-XX:StartFlightRecording=..." bench/webhook-load.sh   the launcher's options plus these
#   SERVER_JAR=/path/to/older/pathary.jar bench/webhook-load.sh   measures another build the same way (no build check;
#                                              the launcher's options without its archive, which fits target/pathary.jar only)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18481}

find_jdk() {
  local home version
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$home" ] && [ -x "$home/bin/javac" ] || continue
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1)
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "$home"; return 0; fi
  done
  return 1
}
JAVA_HOME=$(find_jdk) || { echo "needs a JDK >= 21 (JAVA_HOME or /usr/lib/jvm)" >&2; exit 1; }
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

SERVER_JAR=${SERVER_JAR:-}
if [ -z "$SERVER_JAR" ] && { [ ! -f target/pathary.jar ] || [ -n "$(find pom.xml src/main -newer target/pathary.jar -print -quit)" ]; }; then
  echo "Building target/pathary.jar ..." >&2
  ./mvnw -B -q package -DskipTests >&2
fi
if [ ! -f target/cp.txt ] || [ -n "$(find pom.xml src -newer target/cp.txt -print -quit)" ]; then
  echo "Compiling the load client ..." >&2
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >&2
  touch target/cp.txt
fi

# launcher_serve_opts: the JVM options `./pathary serve` would start java with. The launcher runs against a stand-in
# JDK whose java prints its arguments (the real JDK's release file, so the archive is named as for the real one); the
# options are what comes before -jar. PATHARY_JAVA_OPTS and PATHARY_APPCDS reach the launcher as they would for a user.
launcher_serve_opts() {
  local fake args=() arg
  fake=$(mktemp -d /tmp/pathary-webhook-jdk.XXXXXX)
  mkdir "$fake/bin"
  cp "$JAVA_HOME/release" "$fake/release"
  printf '#!/bin/sh\nfor a in "$@"; do printf "%%s\\n" "$a"; done\n' >"$fake/bin/java"
  printf '#!/bin/sh\nexit 0\n' >"$fake/bin/javac"
  chmod +x "$fake/bin/java" "$fake/bin/javac"
  while IFS= read -r arg; do
    [ "$arg" = -jar ] && break
    args+=("$arg")
  done < <(JAVA_HOME="$fake" ./pathary serve)
  rm -rf "$fake"
  [ "${#args[@]}" -gt 0 ] || { echo "could not read the launcher's serve options" >&2; return 1; }
  echo "${args[*]}"
}
if [ -n "${SERVER_JAVA_OPTS+set}" ]; then
  OPTS=$SERVER_JAVA_OPTS
else
  OPTS=$(launcher_serve_opts)
  if [ -n "$SERVER_JAR" ]; then # the archive belongs to target/pathary.jar; another jar would rewrite it on every run
    OPTS=$(sed -e 's/ *-XX:+AutoCreateSharedArchive//; s/ *-XX:SharedArchiveFile=[^ ]*//; s/ *-Xlog:cds=error//' <<<"$OPTS")
  fi
fi
OPTS="$OPTS ${SERVER_EXTRA_OPTS:-}"

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "port $PORT is in use; set PORT" >&2
  exit 1
fi

DATA_DIR=$(mktemp -d /tmp/pathary-webhook-load.XXXXXX)
export DATA_DIR HTTP_PORT=$PORT TIMEZONE=UTC APPLICATION_URL="http://127.0.0.1:$PORT" LOG_LEVEL=WARN
SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server (pid $SERVER_PID) had stopped; the end of its log:" >&2
    tail -n 40 "$DATA_DIR/server.log" >&2
  fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID"
  fi
  rm -rf "$DATA_DIR"
}
trap stop_server EXIT

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: java $OPTS -jar ${SERVER_JAR:-target/pathary.jar}"
# shellcheck disable=SC2086
"$JAVA" $OPTS -jar "${SERVER_JAR:-target/pathary.jar}" serve --host 127.0.0.1 >"$DATA_DIR/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DATA_DIR/server.log" >&2; exit 1; }
  [ "$i" = 120 ] && { echo "the server did not answer /health within 60 s" >&2; exit 1; }
  sleep 0.5
done
echo "server pid $SERVER_PID on 127.0.0.1:$PORT, data in $DATA_DIR"

USER_ID=$("$JAVA" -jar "${SERVER_JAR:-target/pathary.jar}" user:create bench@example.org bench-password-1 bench | sed -n 's/^Created user \([0-9]*\).*/\1/p')
URL=$("$JAVA" -jar "${SERVER_JAR:-target/pathary.jar}" jellyfin:webhook-url "$USER_ID")
echo "user $USER_ID, webhook $URL"

"$JAVA" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" app.pathary.bench.WebhookLoad "$URL" "serverPid=$SERVER_PID" "$@"
