#!/usr/bin/env bash
# Jellyfin export and import under a bad network (issue 11): runs
# src/test/java/app/pathary/bench/JellyfinFaultsBenchmark.java, an in-process Pathary (fresh SQLite) against a fake
# Jellyfin on 127.0.0.1 with 3,000 movies that answers 20 % of all requests with a 500 and drops 5 % of the
# connections. Export and import run as queued jobs; prints wall and CPU time, requests by route, faults injected and
# job attempts, then checks the exact end state. Exit status 1 when a job fails or the end state is wrong.
#
#   bench/jellyfin-faults.sh
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
LOG_LEVEL=${LOG_LEVEL:-WARN} "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  app.pathary.bench.JellyfinFaultsBenchmark "$@"
