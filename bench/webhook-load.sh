#!/usr/bin/env bash
# Webhook load benchmark (issue 3): the real server (java -jar, SQLite, fresh DATA_DIR) on 127.0.0.1, one user and
# its webhook URL made through the CLI, then the Java load client src/test/java/app/pathary/bench/WebhookLoad.java:
# warm-up, phase A (closed loop, best of several sender counts -> recorded/s), phase B (open loop at 500/s for 30 s
# -> latency from each send's due time). Every delivery must be answered "recorded"; anything else is an error.
#
#   bench/webhook-load.sh [key=value ...]     keys passed to WebhookLoad: movies warmup count senders rate seconds openSenders
#   PORT=18481 SERVER_JAVA_OPTS="-XX:+FlightRecorder ..." bench/webhook-load.sh
#   SERVER_JAR=/path/to/older/pathary.jar bench/webhook-load.sh   measures another build the same way (no build check)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18481}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}

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
# shellcheck disable=SC2086
"$JAVA" $SERVER_JAVA_OPTS -jar "${SERVER_JAR:-target/pathary.jar}" serve --host 127.0.0.1 >"$DATA_DIR/server.log" 2>&1 &
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
