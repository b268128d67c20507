#!/usr/bin/env bash
# Issue 6: a full cleanup dry run over 20,000 movies and 50,000 episodes, 5 users, 5 ms per request to every system.
# Usage: bench/cleanup.sh [movies] [episodes]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
./mvnw -B -q test-compile -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx3g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" app.pathary.bench.CleanupBenchmark "$@"
