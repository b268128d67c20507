#!/usr/bin/env bash
# Resident memory (VmRSS from /proc/<pid>/status) of an idle Pathary SETTLE seconds after start, after it served a few
# requests of each kind: health, metrics, the login page with its CSS and scripts, an API login, a write and a read.
# Measured with the launcher's options, without and with its class-data archive (as ./pathary serve runs).
# Usage: bench/memory.sh [seconds after start, default 30]
source "$(dirname "$0")/lib.sh"
SETTLE=${1:-30}
ensure_jar
WORK=$(mktemp -d /tmp/pathary-bench-memory.XXXXXX)
trap 'stop_server; rm -rf "$WORK"' EXIT

get() { curl -fsS -o /dev/null "$@"; }

# idle_rss LABEL OPTS...: starts on a fresh DATA_DIR, serves a few requests, waits, prints the memory figures.
idle_rss() {
  local label=$1 data port url started token
  shift
  data=$(mktemp -d "$WORK/data.XXXXXX")
  DATA_DIR="$data" "$JAVA" -jar "$JAR" user:create bench@example.org bench-password-1 bench --admin >/dev/null 2>"$WORK/cli.log"
  port=$(free_port)
  url="http://127.0.0.1:$port"
  started=$EPOCHSECONDS
  start_server "$port" "$data" "$WORK/server.log" "$@"
  wait_healthy "$port"
  token=$(curl -fsS -X POST "$url/api/auth/token" -H 'Content-Type: application/json' \
    -d '{"name":"bench","password":"bench-password-1"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  get -X POST "$url/api/users/bench/history/movies" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '[{"tmdbId":603,"title":"The Matrix","year":1999,"watchedAt":"2024-01-02"}]'
  for _ in 1 2 3 4 5; do
    get "$url/health"
    get -H "Authorization: Bearer $token" "$url/metrics" # an admin's token: /metrics is not public by default
    get "$url/login"
    get "$url/webjars/bootstrap/5.3.7/css/bootstrap.min.css"
    get "$url/webjars/htmx.org/2.0.8/dist/htmx.min.js"
    get "$url/static/app.css"
    get -H "Authorization: Bearer $token" "$url/api/users/bench/history/movies"
  done
  while (( EPOCHSECONDS - started < SETTLE )); do nap 0.5; done
  printf '%-44s VmRSS %4s MiB  ' "$label" "$(rss_mib "$SERVER_PID")"
  awk '/^(RssAnon|RssFile):/ { printf "%s %4.0f MiB  ", $1, $2 / 1024 } END { print "" }' "/proc/$SERVER_PID/status"
  stop_server
}

echo "memory: idle ${SETTLE} s after start, JDK $(java_major "$JAVA"), options: $LAUNCHER_OPTS"
wait_for_quiet
CDS=$(launcher_cds_opts "$WORK/pathary.jsa")
# shellcheck disable=SC2086
{
  idle_rss "java -jar, no options"
  idle_rss "launcher options, no archive" $LAUNCHER_OPTS
  port=$(free_port) # a first start with the archive option writes the archive when it stops
  start_server "$port" "$WORK/train" "$WORK/server.log" $LAUNCHER_OPTS $CDS
  wait_healthy "$port"
  stop_server
  idle_rss "launcher options + archive (./pathary serve)" $LAUNCHER_OPTS $CDS
}
