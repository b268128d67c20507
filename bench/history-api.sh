#!/usr/bin/env bash
# Latency and throughput of GET /api/users/<name>/history/movies on SQLite with a large history: seeds one user with
# SEED_DATES watch dates (default 50,000 over 12,000 movies) through the JSON API in batches of 10,000, then measures
# the default page, a title search and a deep page: p50/p90/p99 over REQUESTS sequential requests after WARMUP, and the
# throughput of CLIENTS concurrent clients. The server runs with the launcher's JVM options (PATHARY_JAVA_OPTS
# overrides them). The load client (src/test/java/app/pathary/bench) needs only the JDK and is compiled with javac.
source "$(dirname "$0")/lib.sh"
SEED_DATES=${SEED_DATES:-50000}
SEED_MOVIES=${SEED_MOVIES:-12000}
WARMUP=${WARMUP:-500}
REQUESTS=${REQUESTS:-2000}
CLIENTS=${CLIENTS:-4}
SERVER_OPTS=${PATHARY_JAVA_OPTS:-$LAUNCHER_OPTS}
ensure_jar
WORK=$(mktemp -d /tmp/pathary-bench-history.XXXXXX)
trap 'stop_server; rm -rf "$WORK"' EXIT

"$JDK/bin/javac" -d "$WORK/classes" "$ROOT"/src/test/java/app/pathary/bench/{HistorySeed,HistoryApiLoad,ServerCpu}.java
PASSWORD=bench-password-1
DATA_DIR="$WORK/data" "$JAVA" -jar "$JAR" user:create bench@example.org "$PASSWORD" bench >/dev/null 2>"$WORK/cli.log"
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
# shellcheck disable=SC2086
start_server "$PORT" "$WORK/data" "$WORK/server.log" $SERVER_OPTS
wait_healthy "$PORT"
TOKEN=$(curl -fsS -X POST "$URL/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"password\":\"$PASSWORD\",\"tokenName\":\"bench\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "bench: no API token" >&2; exit 1; }

echo "history API: SQLite, JDK $(java_major "$JAVA"), $(nproc) cores, server options: $SERVER_OPTS"
"$JAVA" -cp "$WORK/classes" app.pathary.bench.HistorySeed "$URL" "$TOKEN" bench "$SEED_DATES" "$SEED_MOVIES" 10000
wait_for_quiet
"$JAVA" -cp "$WORK/classes" app.pathary.bench.HistoryApiLoad "$URL" "$TOKEN" bench "$SERVER_PID" "$WARMUP" "$REQUESTS" "$CLIENTS" \
  "default page=" "search 'river'=search=river" "deep page (2000)=page=2000"
echo "server RSS after the run: $(rss_mib "$SERVER_PID") MiB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
