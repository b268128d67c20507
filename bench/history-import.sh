#!/usr/bin/env bash
# Issue 12: history:import and history:export of a large Movary history.csv as a household runs them (./pathary, its own
# JVM, the launcher's options, SQLite in a fresh DATA_DIR). The file has PLAYS rows (one per play) over about PLAYS/2
# (movie, date) pairs of MOVIES movies, about 50 bytes a row (100,000 rows is about 5 MB, half the upload limit).
# Prints per step: wall time, CPU time (user + sys, from /usr/bin/time -v), peak RSS.
# Usage: bench/history-import.sh [plays] [movies]     (default 100000 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
PLAYS=${1:-100000}
MOVIES=${2:-5000}
WORK=$(mktemp -d /tmp/pathary-bench-import.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
ensure_jar
awk -v plays="$PLAYS" -v movies="$MOVIES" 'BEGIN {
  print "title,year,tmdbId,imdbId,watchedAt,comment,location"
  srand(12)
  for (i = 0; i < plays; i += 2) {
    m = int(rand() * movies) + 1
    d = sprintf("20%02d-%02d-%02d", 10 + int(rand() * 15), 1 + int(rand() * 12), 1 + int(rand() * 28))
    for (k = 0; k < 2 && i + k < plays; k++) printf "Movie %d,%d,%d,,%s,,\n", m, 1950 + m % 70, m, d
  }
}' > "$WORK/history.csv"
echo "file: $(wc -l < "$WORK/history.csv") lines, $(du -k "$WORK/history.csv" | cut -f1) KB"
export DATA_DIR="$WORK/data" TIMEZONE=UTC
./pathary user:create bench@example.org password1 bench >/dev/null
step() {
  local label=$1
  shift
  /usr/bin/time -v -o "$WORK/$label.time" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err" || { echo "$label failed:"; tail -5 "$WORK/$label.err"; exit 1; }
  awk -v label="$label" '
    /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
    /User time/ { user = $NF } /System time/ { sys = $NF } /Maximum resident/ { rss = $NF }
    END { printf "%-22s wall %6.2f s  cpu %6.2f s  peak RSS %4d MB\n", label, wall, user + sys, rss / 1024 }' "$WORK/$label.time"
}
step "import (first)" ./pathary history:import 1 "$WORK/history.csv"
head -1 "$WORK/import (first).out"
step "import (again)" ./pathary history:import 1 "$WORK/history.csv"
tail -1 "$WORK/import (again).out"
step "export movary" ./pathary history:export 1 --format movary --file "$WORK/out.csv"
step "export letterboxd" ./pathary history:export 1 --format letterboxd --file "$WORK/out.zip"
echo "movary export: $(wc -l < "$WORK/out.csv") lines (the file had $(wc -l < "$WORK/history.csv"))"
