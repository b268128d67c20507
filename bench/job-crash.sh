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

if [ ! -f target/cp.txt ] || [ -n "$(find pom.xml src -newer target/cp.txt -print -quit)" ]; then
  echo "Compiling ..." >&2
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >&2
  touch target/cp.txt
fi

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
LOG_LEVEL=${LOG_LEVEL:-WARN} "$JAVA_HOME/bin/java" -DLOG_LEVEL="${LOG_LEVEL:-WARN}" \
  -cp "target/classes:target/test-classes:$(cat target/cp.txt)" app.pathary.job.CrashTrials "$@" 2> >(grep -v '^WARNING: \|^$' >&2)
echo "== done $(date -u +%Y-%m-%dT%H:%M:%SZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
