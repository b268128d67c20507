#!/usr/bin/env bash
# Episodes in the Jellyfin import and export (issue 12): runs src/test/java/app/pathary/bench/EpisodeSyncBenchmark.java,
# an in-process Pathary (fresh SQLite) against a fake Jellyfin on 127.0.0.1 with 50,000 episodes (500 series with TVDb
# ids), 10,000 played, and 5 ms per request. Prints, for each step (first import, second import, export), the wall and
# CPU time, the requests by method and route against the minimum (the pages), the writes, and the dates added. Exit
# status 1 when the second import or the export costs more than the pages, writes anything, or adds a date.
#
#   bench/episode-sync.sh
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh   # JAVA_HOME (a JDK >= 21) and ensure_test_classpath
ensure_test_classpath

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
LOG_LEVEL=${LOG_LEVEL:-WARN} "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  app.pathary.bench.EpisodeSyncBenchmark "$@"
