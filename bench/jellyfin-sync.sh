#!/usr/bin/env bash
# Jellyfin import / export / automatic sync benchmark (issue 4): runs
# src/test/java/app/pathary/bench/JellyfinSyncBenchmark.java, an in-process Pathary (fresh SQLite) against a fake
# Jellyfin on 127.0.0.1 with 20,000 movies (5,000 played) and 5 ms per request. Prints, for each step, the wall time
# and the requests received by method and route against the minimum (one per page read plus one per item to change).
# Exit status 1 when a target is missed.
#
#   bench/jellyfin-sync.sh
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
  app.pathary.bench.JellyfinSyncBenchmark "$@"
