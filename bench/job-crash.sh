#!/usr/bin/env bash
# Job queue crash trials (issue 9): runs src/test/java/app/pathary/job/CrashTrials.java. Each database gets JOBS
# automatic-sync jobs whose handler delivers idempotently by key (a table with one row per delivery) and counts its
# runs; a child JVM (CrashingWorker: the real JobWorkers, 2 workers) works on them and is killed with SIGKILL within
# 300 ms of its first claim, KILLS_PER_DATABASE times, then one child finishes. Every end state is compared with that
# of a run never killed: all jobs done once, each key delivered once, no owner token left, no handler run without a
# claim. SQLite files and an embedded PostgreSQL (started by the harness), alternating. Exit status 1 on a difference.
#
#   bench/job-crash.sh [KILLS=200] [KILLS_PER_DATABASE=5] [JOBS=12] [sqlite|postgresql|both]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh   # JAVA_HOME (a JDK >= 21) and ensure_test_classpath
ensure_test_classpath

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
LOG_LEVEL=${LOG_LEVEL:-WARN} "$JAVA_HOME/bin/java" -DLOG_LEVEL="${LOG_LEVEL:-WARN}" \
  -cp "target/classes:target/test-classes:$(cat target/cp.txt)" app.pathary.job.CrashTrials "$@" 2> >(grep -v '^WARNING: \|^$' >&2)
echo "== done $(date -u +%Y-%m-%dT%H:%M:%SZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
