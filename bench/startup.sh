#!/usr/bin/env bash
# Time from starting `java -jar target/pathary.jar serve` to the first 200 on /health, on a fresh DATA_DIR each time
# (so every start also creates the SQLite file, migrates it and writes the secret key). The option sets take turns,
# so a busy moment on the machine hits all of them alike; each prints its median and its runs.
# Usage: bench/startup.sh [starts per set, default 5]. EXTRA_OPTS="..." adds a set with the launcher's options plus those.
source "$(dirname "$0")/lib.sh"
RUNS=${1:-5}
ensure_jar
WORK=$(mktemp -d /tmp/pathary-bench-startup.XXXXXX)
trap 'stop_server; rm -rf "$WORK"' EXIT

# start_once OPTS...: one cold start; prints "wall/cpu" milliseconds until healthy.
start_once() {
  local data port started wall
  data=$(mktemp -d "$WORK/data.XXXXXX")
  port=$(free_port)
  started=$(now_ms)
  start_server "$port" "$data" "$WORK/server.log" "$@"
  wait_healthy "$port" 60
  wall=$(( $(now_ms) - started ))
  echo "$wall/$(cpu_ms "$SERVER_PID")"
  stop_server
}

LABELS=("java -jar, no options" "launcher options, no archive" "launcher options + AppCDS archive (./pathary serve)")
OPTS=("" "$LAUNCHER_OPTS" "$LAUNCHER_OPTS $(launcher_cds_opts "$WORK/pathary.jsa")")
# For comparison only (the launcher does not use it): JDK 25's AOT cache (JEP 483/514), trained by one start and stop.
if [ "$(java_major "$JAVA")" -ge 25 ]; then
  LABELS+=("launcher options + JDK 25 AOT cache (for comparison)")
  OPTS+=("$LAUNCHER_OPTS -XX:AOTCache=$WORK/pathary.aot -Xlog:aot=error,cds=error")
fi
if [ -n "${EXTRA_OPTS:-}" ]; then
  LABELS+=("launcher options + $EXTRA_OPTS")
  OPTS+=("$LAUNCHER_OPTS $EXTRA_OPTS")
fi

echo "startup: $RUNS cold starts per set, JDK $(java_major "$JAVA"), $(nproc) cores"
wait_for_quiet
# The archive is written when the first start with it stops, as with ./pathary serve; that start is not counted.
# shellcheck disable=SC2086
start_once ${OPTS[2]} >/dev/null
if [ "$(java_major "$JAVA")" -ge 25 ]; then
  # shellcheck disable=SC2086
  start_once $LAUNCHER_OPTS -XX:AOTCacheOutput="$WORK/pathary.aot" -Xlog:aot=error,cds=error >/dev/null
fi
declare -a WALL CPU
for (( run = 0; run < RUNS; run++ )); do
  for i in "${!OPTS[@]}"; do
    # shellcheck disable=SC2086
    result=$(start_once ${OPTS[i]})
    WALL[i]+="${result%/*} "
    CPU[i]+="${result#*/} "
  done
done
printf '%-54s %s\n' "" "median to healthy: wall (cpu)   runs: wall/cpu ms"
for i in "${!OPTS[@]}"; do
  # shellcheck disable=SC2086
  printf '%-54s %6s ms (%5s ms)   ' "${LABELS[i]}" "$(median ${WALL[i]})" "$(median ${CPU[i]})"
  paste -d/ <(tr ' ' '\n' <<<"${WALL[i]% }") <(tr ' ' '\n' <<<"${CPU[i]% }") | paste -sd' '
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); archive: $(( $(stat -c %s "$WORK/pathary.jsa") / 1048576 )) MiB"
