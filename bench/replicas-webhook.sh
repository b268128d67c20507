#!/usr/bin/env bash
# Webhooks per second on PostgreSQL with one and with two Pathary instances sharing the database (issue 14, "Several
# replicas"). PostgreSQL is the embedded server of the test dependencies (real PostgreSQL binaries from Maven,
# src/test/java/app/pathary/bench/BenchPostgres.java), one fresh database per configuration. Each instance is
# `java -jar target/pathary.jar serve` on 127.0.0.1 with its own DATA_DIR and the same APP_SECRET; the user and its
# webhook URL are made with the CLI. The load client (ReplicaWebhookLoad: WebhookLoad's deliveries, closed loop) spreads
# its senders round robin over the instances and prints recorded/s with the CPU time of Pathary, PostgreSQL and itself.
#
#   bench/replicas-webhook.sh [key=value ...]      keys passed to ReplicaWebhookLoad: warmup count senders movies
#   INSTANCES="1 2" SERVER_JAVA_OPTS="..." bench/replicas-webhook.sh
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
INSTANCES=${INSTANCES:-"1 2"}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}

ensure_jar
ensure_test_classpath
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
WORK=$(mktemp -d /tmp/pathary-replicas.XXXXXX)
PG_JVM=
SERVERS=()

stop_all() {
  local pid
  for pid in "${SERVERS[@]}"; do
    SERVER_PID=$pid
    stop_server
  done
  SERVERS=()
}
finish() {
  stop_all
  if [ -n "$PG_JVM" ] && kill -0 "$PG_JVM" 2>/dev/null; then
    kill -TERM "$PG_JVM"
    wait "$PG_JVM" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap finish EXIT

configurations=0
for n in $INSTANCES; do configurations=$((configurations + 1)); done
"$JAVA" -cp "$CP" app.pathary.bench.BenchPostgres "$configurations" >"$WORK/postgres.log" 2>&1 &
PG_JVM=$!
for _ in $(seq 1 600); do
  grep -q '^PORT ' "$WORK/postgres.log" && break
  kill -0 "$PG_JVM" 2>/dev/null || { cat "$WORK/postgres.log" >&2; exit 1; }
  nap 0.2
done
read -r _ PG_PORT _ POSTMASTER < <(grep '^PORT ' "$WORK/postgres.log")
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1)"
echo "embedded PostgreSQL on port $PG_PORT (postmaster pid $POSTMASTER)"

export APP_SECRET="bench replicas share this application secret" TIMEZONE=UTC LOG_LEVEL=WARN
export DATABASE_USER=postgres DATABASE_PASSWORD=postgres
database=0
for n in $INSTANCES; do
  database=$((database + 1))
  export DATABASE_URL="jdbc:postgresql://localhost:$PG_PORT/bench_$database"
  ports=()
  for i in $(seq 1 "$n"); do
    port=$(free_port)
    # shellcheck disable=SC2086
    start_server "$port" "$WORK/data-$database-$i" "$WORK/server-$database-$i.log" $SERVER_JAVA_OPTS
    wait_healthy "$port" 120 || { cat "$WORK/server-$database-$i.log" >&2; exit 1; }
    SERVERS+=("$SERVER_PID")
    ports+=("$port")
  done
  export APPLICATION_URL="http://127.0.0.1:${ports[0]}"
  user=$(DATA_DIR="$WORK/data-$database-1" "$JAVA" -jar "$JAR" user:create "bench$database@example.org" bench-password-1 "bench$database" \
    | sed -n 's/^Created user \([0-9]*\).*/\1/p')
  hook=$(DATA_DIR="$WORK/data-$database-1" "$JAVA" -jar "$JAR" jellyfin:webhook-url "$user")
  path=/${hook#http://*/}
  urls=$(printf "http://127.0.0.1:%s$path," "${ports[@]}")
  pids=$(IFS=,; echo "${SERVERS[*]}")
  echo "-- $n instance(s) on database bench_$database: pids $pids, ports ${ports[*]}"
  wait_for_quiet
  "$JAVA" -cp "$CP" app.pathary.bench.ReplicaWebhookLoad "${urls%,}" "serverPids=$pids" "postgresPid=$POSTMASTER" \
    "label=$n instance(s)" "$@"
  stop_all
done
