#!/usr/bin/env bash
# Makes the README's screenshots: the dashboard, the history grid and the cleanup plan, on a desktop (1280 px) and a
# phone (390 px), in headless Chromium, of the test household (two dozen films with posters from a fake Jellyfin),
# into docs/screenshots. Needs Debian's chromium and chromium-driver. Usage: bench/screenshots.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/bench/lib.sh"
JAVA_HOME=$(find_jdk)
export JAVA_HOME
cd "$ROOT"
./mvnw -B -q -o test -Dtest=ScreenshotsBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpathary.screenshots="$ROOT/docs/screenshots"
ls -l docs/screenshots
