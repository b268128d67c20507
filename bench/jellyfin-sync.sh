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

source bench/lib.sh   # JAVA_HOME (a JDK >= 21) and ensure_test_classpath
ensure_test_classpath

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
LOG_LEVEL=${LOG_LEVEL:-WARN} "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  app.pathary.bench.JellyfinSyncBenchmark "$@"
