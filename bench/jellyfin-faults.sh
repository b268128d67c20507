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

source bench/lib.sh   # JAVA_HOME (a JDK >= 21) and ensure_test_classpath
ensure_test_classpath

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
LOG_LEVEL=${LOG_LEVEL:-WARN} "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  app.pathary.bench.JellyfinFaultsBenchmark "$@"
