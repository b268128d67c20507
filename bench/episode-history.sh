#!/usr/bin/env bash
# Latency of the episode history with a large history on SQLite: seeds one user with SEED_DATES episode watch dates
# (default 100,000 over 2,000 shows, four episodes of a show a day) through the JSON API in batches of 10,000, then
# measures GET /api/users/<name>/history/episodes (default page, a show-title search, a deep page) and the HTML page
# /history/episodes (default, search, deep page; logged in with a session cookie): p50/p90/p99 over REQUESTS sequential
# requests after WARMUP, server CPU per request, and the throughput of CLIENTS concurrent clients. JDK-only load client.
source "$(dirname "$0")/lib.sh"
SEED_DATES=${SEED_DATES:-100000}
SEED_SHOWS=${SEED_SHOWS:-2000}
WARMUP=${WARMUP:-500}
REQUESTS=${REQUESTS:-2000}
CLIENTS=${CLIENTS:-4}
SERVER_OPTS=${PATHARY_JAVA_OPTS:-$LAUNCHER_OPTS}
ensure_jar
WORK=$(mktemp -d /tmp/pathary-bench-episodes.XXXXXX)
trap 'stop_server; rm -rf "$WORK"' EXIT

"$JDK/bin/javac" -d "$WORK/classes" "$ROOT"/src/test/java/app/pathary/bench/{HistorySeed,EpisodeSeed,HistoryApiLoad,ServerCpu}.java
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
# a browser session for the HTML page: the login form's CSRF token, then the form
JAR_FILE="$WORK/cookies"
CSRF=$(curl -fsS -c "$JAR_FILE" "$URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -b "$JAR_FILE" -c "$JAR_FILE" -o /dev/null -X POST "$URL/login" \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "login=bench" --data-urlencode "password=$PASSWORD"
SESSION=$(awk '$6 == "pathary_session" {print $6 "=" $7}' "$JAR_FILE")
[ -n "$SESSION" ] || { echo "bench: no session cookie" >&2; exit 1; }

echo "episode history: SQLite, JDK $(java_major "$JAVA"), $(nproc) cores, server options: $SERVER_OPTS"
"$JAVA" -cp "$WORK/classes" app.pathary.bench.EpisodeSeed "$URL" "$TOKEN" bench "$SEED_DATES" "$SEED_SHOWS" 10000
wait_for_quiet
echo "API /api/users/bench/history/episodes:"
"$JAVA" -Dhistory.path=/api/users/{user}/history/episodes -cp "$WORK/classes" app.pathary.bench.HistoryApiLoad \
  "$URL" "$TOKEN" bench "$SERVER_PID" "$WARMUP" "$REQUESTS" "$CLIENTS" \
  "default page=" "search 'river'=search=river" "deep page (4000)=page=4000"
echo "page /history/episodes (60 dates a page):"
"$JAVA" -Dhistory.path=/history/episodes -Dhistory.expect=episode-group -cp "$WORK/classes" app.pathary.bench.HistoryApiLoad \
  "$URL" "cookie:$SESSION" bench "$SERVER_PID" "$WARMUP" "$REQUESTS" "$CLIENTS" \
  "default page=" "search 'river'=search=river" "deep page (1600)=page=1600"
echo "server RSS after the run: $(rss_mib "$SERVER_PID") MiB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
