#!/usr/bin/env bash
# Issue 15: ./pathary cleanup:plan and watched:report as a household runs them (their own JVM, the launcher's default
# options), against the benchmark library served by a fake Jellyfin, Radarr and Sonarr in another JVM
# (app.pathary.bench.EmulatedServers). Prints per run: wall time, CPU time (user + sys of the Pathary process, from
# /usr/bin/time -v), peak RSS, and the requests each fake received.
# Usage: bench/cleanup-cli.sh [movies] [episodes] [runs]     (default 20000 50000 3)
# OUT_DIR keeps each run's output (default: a temporary folder, removed); COMMANDS picks what runs
# (default "plan report"; "plan" = cleanup:plan with primary user0, "plan-disk" = the same plan under disk pressure
# (the emulated 20 TB disk is 95 % full; CLEANUP_DISK_THRESHOLD=90%, CLEANUP_DISK_TARGET=50%, so every eligible item is
# a candidate; "plan-disk-waiting" adds CLEANUP_DISK_INCLUDE_WAITING=true), "report" = watched:report --strategy any,
# "footprint" = the retained size of the primary and the any snapshot, app.pathary.bench.SnapshotFootprint, run on
# FOOTPRINT_JAR's classes, default target/pathary.jar).
# LAUNCHER runs another build's launcher (e.g. a copy of an older checkout's ./pathary beside its target/pathary.jar),
# so that two versions are measured the same way against the same emulated servers. LAUNCHERS="a b ..." measures
# several launchers interleaved (each run of each command goes through a, then b, ...; labelled plan@1, plan@2, ...):
# on a shared machine only interleaved runs compare fairly. A launcher may be a script that sets PATHARY_JAVA_OPTS and
# runs a checkout's ./pathary, to compare JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
MOVIES=${1:-20000}
EPISODES=${2:-50000}
RUNS=${3:-3}
COMMANDS=${COMMANDS:-"plan report"}
WORK=$(mktemp -d /tmp/pathary-bench-cli.XXXXXX)
OUT_DIR=${OUT_DIR:-$WORK/out}
mkdir -p "$OUT_DIR"
EMULATOR_PID=""
trap '[ -n "$EMULATOR_PID" ] && kill "$EMULATOR_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

ensure_jar
./mvnw -B -q -o test-compile -DskipTests >&2
[ -f target/cp-test.txt ] && [ target/cp-test.txt -nt pom.xml ] || \
  ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt -Dmdep.includeScope=test >&2
"$JAVA" -Xmx3g -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/cp-test.txt)" \
  app.pathary.bench.EmulatedServers "$MOVIES" "$EPISODES" "$WORK/env" >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
until [ -f "$WORK/env" ]; do
  kill -0 "$EMULATOR_PID" 2>/dev/null || { cat "$WORK/emulator.log" >&2; exit 1; }
  nap 0.5
done
mapfile -t ENV_LINES < "$WORK/env"
CONTROL=$(sed -n 's/^CONTROL_URL=//p' "$WORK/env")
counts() { curl -fsS "$CONTROL/counts"; }
counts >/dev/null

# run_cli LABEL ARGS...: one new DATA_DIR, the launcher, /usr/bin/time -v around it. The database is created and
# migrated before the measured command (as a household's is: its plan runs against the database it has), unless
# FRESH_DATA=1, which measures the first start's migrations too (the figures before the third session's change).
run_cli() {
  local label=$1 n=$2 data out
  shift 2
  data=$(mktemp -d "$WORK/data.XXXXXX")
  out="$OUT_DIR/$label-$n"
  if [ "${FRESH_DATA:-0}" != 1 ]; then
    env DATA_DIR="$data" TIMEZONE=UTC "$RUN_LAUNCHER" migrate >/dev/null 2>&1
  fi
  # shellcheck disable=SC2086 # EXTRA_ENV is a list of NAME=value words
  env "${ENV_LINES[@]}" ${EXTRA_ENV:-} DATA_DIR="$data" TIMEZONE=UTC CLEANUP_STRATEGY=primary CLEANUP_PRIMARY_USER=user0 \
    /usr/bin/time -v -o "$out.time" "$RUN_LAUNCHER" "$@" >"$out.txt" 2>"$out.err" || { echo "$label failed:"; tail -5 "$out.err"; }
  awk -v label="$label" -v n="$n" '
    /Elapsed \(wall clock\)/ { split($NF, t, ":"); wall = (length(t) == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { user = $NF } /System time/ { sys = $NF } /Maximum resident/ { rss = $NF }
    END { printf "%-7s run %d: wall %6.1f s  CPU %5.1f s (user %.1f + sys %.1f)  peak RSS %5.0f MiB  ", label, n, wall, user + sys, user, sys, rss / 1024 }' "$out.time"
  counts
}

echo "cleanup-cli: $MOVIES movies, $EPISODES episodes, 5 users; JVM options: ${PATHARY_JAVA_OPTS:-launcher defaults}"
# One run of each command first, not measured: the launcher writes its class-data archive for a kind of command on the
# first run of that kind (a household's every later run starts from it). WARMUP=0 measures from the first run.
read -r -a LAUNCHER_LIST <<< "${LAUNCHERS:-${LAUNCHER:-./pathary}}"
if [ "${WARMUP:-1}" = 1 ]; then
  for RUN_LAUNCHER in "${LAUNCHER_LIST[@]}"; do
    for c in $COMMANDS; do
      case $c in
        plan*) run_cli warmup 0 cleanup:plan --now 2026-01-20 >/dev/null ;;
        report) run_cli warmup 0 watched:report --strategy any --now 2026-01-20 >/dev/null ;;
      esac
    done
  done
fi
wait_for_quiet
for n in $(seq 1 "$RUNS"); do
  for c in $COMMANDS; do
    for l in "${!LAUNCHER_LIST[@]}"; do
      RUN_LAUNCHER=${LAUNCHER_LIST[$l]}
      at=""
      [ "${#LAUNCHER_LIST[@]}" -gt 1 ] && at="@$((l + 1))"
      case $c in
        plan) run_cli "plan$at" "$n" cleanup:plan --now 2026-01-20 ;;
        plan-disk) EXTRA_ENV="CLEANUP_DISK_THRESHOLD=90% CLEANUP_DISK_TARGET=50%" run_cli "plan-disk$at" "$n" cleanup:plan --now 2026-01-20 ;;
        plan-disk-waiting) EXTRA_ENV="CLEANUP_DISK_THRESHOLD=90% CLEANUP_DISK_TARGET=50% CLEANUP_DISK_INCLUDE_WAITING=true" \
          run_cli "plan-disk-w$at" "$n" cleanup:plan --now 2026-01-20 ;;
        report) run_cli "report$at" "$n" watched:report --strategy any --now 2026-01-20 ;;
        footprint)
          [ "$l" = 0 ] || continue
          for strategy in primary any; do
            "$JAVA" -Xmx2g -XX:+UseSerialGC -cp "${FOOTPRINT_JAR:-target/pathary.jar}:target/test-classes" \
              app.pathary.bench.SnapshotFootprint "$WORK/env" "$strategy" | sed 's/^/  /'
            counts
          done ;;
      esac
    done
  done
done
