#!/usr/bin/env bash
# Shared by the bench/*.sh scripts: finds a JDK >= 21, builds the jar when stale, starts Pathary on 127.0.0.1 with a
# temporary DATA_DIR, waits for /health, reads its resident memory and stops it by its PID. Source it; do not run it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/target/pathary.jar"
# The JVM options ./pathary gives serve; keep the two in step.
LAUNCHER_OPTS=${BENCH_LAUNCHER_OPTS:-"-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps -XX:TieredStopAtLevel=1 -Xss512k -Xms32m -Xmx256m"}
launcher_cds_opts() {
  echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$1 -Xlog:cds=error"
}

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

find_jdk() {
  local home version
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$home" ] && [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    version=$(java_major "$home/bin/java")
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  echo "bench: no JDK >= 21 in JAVA_HOME or under /usr/lib/jvm" >&2
  return 1
}

JDK=$(find_jdk)
export JAVA_HOME="$JDK"
JAVA="$JDK/bin/java"

ensure_jar() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/src/main" -newer "$JAR" -print -quit)" ]; then
    echo "bench: building the jar..." >&2
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests >&2)
  fi
}

# A port nobody listens on (checked with bash's /dev/tcp, no helper process).
free_port() {
  local port
  while true; do
    port=$(( 20000 + RANDOM % 30000 ))
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      exec 3>&- # taken: someone answered there
    else
      echo "$port"
      return 0
    fi
  done
}

# Succeeds when GET /health answers 200. Pure bash, so polling costs no process start on a busy 2-core machine.
health_ok() {
  local port=$1 status=""
  { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$fd"
  read -r -t 5 -u "$fd" status || true
  exec {fd}>&-
  [[ $status == "HTTP/1.1 200"* ]]
}

# Sleeps without starting a process (read on a pipe that never delivers).
exec {NAP_FD}<> <(:)
nap() {
  read -r -t "$1" -u "$NAP_FD" _ || true
}

# start_server PORT DATA_DIR LOG [JAVA_OPTS...]: starts Pathary in the background; sets SERVER_PID.
start_server() {
  local port=$1 data=$2 log=$3
  shift 3
  DATA_DIR="$data" TIMEZONE=UTC "$JAVA" "$@" -jar "$JAR" serve --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  SERVER_PID=$!
}

# wait_healthy PORT [TIMEOUT_SECONDS]: polls /health every 5 ms.
wait_healthy() {
  local port=$1 deadline=$(( ${EPOCHSECONDS} + ${2:-60} ))
  until health_ok "$port"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "bench: the server exited before it was healthy" >&2
      return 1
    fi
    if (( EPOCHSECONDS > deadline )); then
      echo "bench: the server was not healthy in time" >&2
      return 1
    fi
    nap 0.005
  done
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# CPU time (user + system) the process has used so far, in ms; unlike wall time it barely moves when other
# processes compete for the cores.
cpu_ms() {
  local fields
  read -r -a fields < "/proc/$1/stat"
  # fields 14 and 15 (utime, stime) in clock ticks; the command name (field 2) has no spaces here ("(java)")
  echo $(( (fields[13] + fields[14]) * 1000 / $(getconf CLK_TCK) ))
}

rss_mib() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

# Percent of the machine's CPU time that was busy over the next $1 seconds (from /proc/stat).
busy_percent() {
  local a b
  read -r -a a < /proc/stat
  nap "$1"
  read -r -a b < /proc/stat
  local idle=$(( b[4] + b[5] - a[4] - a[5] )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 - idle * 100 / total : 0 ))
}

# The machine is shared: waits up to QUIET_WAIT seconds (default 300) until other work leaves the cores mostly idle
# (under QUIET_BUSY percent busy, default 20, over 3 s), then goes on either way and says how busy it was.
wait_for_quiet() {
  local deadline=$(( EPOCHSECONDS + ${QUIET_WAIT:-300} )) busy
  while true; do
    busy=$(busy_percent 3)
    if (( busy < ${QUIET_BUSY:-20} )) || (( EPOCHSECONDS >= deadline )); then
      echo "machine before measuring: ${busy}% busy over 3 s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
      return 0
    fi
  done
}

# median of the numbers given as arguments
median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Milliseconds since the epoch, from bash's clock (no process start).
now_ms() {
  local t=${EPOCHREALTIME/[.,]/}
  echo $(( t / 1000 ))
}

# Compiles the test classes (load clients, embedded PostgreSQL) and writes their classpath to target/cp.txt when stale.
ensure_test_classpath() {
  if [ ! -f "$ROOT/target/cp.txt" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/src" -newer "$ROOT/target/cp.txt" -print -quit)" ]; then
    echo "bench: compiling the test classes..." >&2
    (cd "$ROOT" && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >&2)
    touch "$ROOT/target/cp.txt"
  fi
}
