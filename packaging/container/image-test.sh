#!/usr/bin/env bash
# Builds the container image and runs it the way a self-hoster would, with podman:
#   1. builds the image from the Dockerfile (bases made out of Debian packages by local-bases.sh unless
#      BUILD_BASE and RUNTIME_BASE name others);
#   2. starts it with a named volume on /data and APP_SECRET given as a file (APP_SECRET_FILE), waits for
#      /health/ready and runs the image's HEALTHCHECK;
#   3. creates a user with `podman exec ... pathary user:create`, asks for the user's webhook URL
#      (`jellyfin:webhook-url`) and POSTs the Jellyfin webhook plugin's PlaybackStop payload to it;
#   4. restarts the container and checks that the watch date is still there (it lives in the volume);
#   5. stops and removes the container and the volume (the images are kept: the next run reuses their layers).
#
#   packaging/container/image-test.sh PAYLOAD.json TMDB_ID
#
# PAYLOAD.json is a PlaybackStop delivery (played to completion) of a movie with TMDb id TMDB_ID.
# Exit codes: 0 all checks passed, 1 a check failed (the reason on standard error), 3 podman cannot run containers
# here (nothing was checked; the reason on standard error).
# Environment: CONTAINERS_CONF (default: containers.conf beside this script), IMAGE (default localhost/pathary:test),
# BUILD_BASE / RUNTIME_BASE (skip local-bases.sh), MAVEN_REPO_DIR (a Maven user home to reuse, default ~/.m2).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

payload=${1:?usage: image-test.sh PAYLOAD.json TMDB_ID}
tmdb_id=${2:?usage: image-test.sh PAYLOAD.json TMDB_ID}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$here/containers.conf}
image=${IMAGE:-localhost/pathary:test}
name=pathary-image-test-$$
volume=$name-data
secrets=$(mktemp -d)
started=$SECONDS

step() { echo "[image-test $((SECONDS - started))s] $*" >&2; }
fail() { echo "image-test FAILED: $*" >&2; if podman container exists "$name" 2>/dev/null; then podman logs --tail 40 "$name" >&2 || true; fi; exit 1; }
cleanup() {
  podman rm -f -t 25 "$name" >/dev/null 2>&1 || true
  podman volume rm -f "$volume" >/dev/null 2>&1 || true
  rm -rf "$secrets"
}
trap cleanup EXIT

if ! command -v podman >/dev/null 2>&1; then
  echo "podman is not installed (apt-get install podman runc debootstrap)." >&2
  exit 3
fi
if ! podman info >/dev/null 2>&1; then
  echo "podman cannot run here: $(podman info 2>&1 | tail -1)" >&2
  exit 3
fi

if [ -z "${BUILD_BASE:-}" ] || [ -z "${RUNTIME_BASE:-}" ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "debootstrap is not installed (apt-get install debootstrap) and BUILD_BASE/RUNTIME_BASE are not set." >&2
    exit 3
  fi
  step "base images out of Debian packages (local-bases.sh)"
  # A base that cannot be made from Debian's archive (no mirror reachable) is a fact of this machine, not of the image:
  # the test is skipped with that reason (exit 3), as where podman is missing.
  if ! RUNTIME_BASE=$("$here/local-bases.sh" runtime); then
    echo "the runtime base image could not be made from Debian's archive (see the debootstrap lines above)." >&2
    exit 3
  fi
fi
# Where podman is installed but cannot start a container (no privileges for namespaces, say), nothing can be proven.
if ! probe=$(podman run --rm --network none "$RUNTIME_BASE" true 2>&1); then
  echo "podman cannot start a container here: $(tail -1 <<<"$probe")" >&2
  exit 3
fi
if [ -z "${BUILD_BASE:-}" ]; then
  if ! BUILD_BASE=$("$here/local-bases.sh" build); then
    echo "the build base image could not be made from Debian's archive (see the lines above)." >&2
    exit 3
  fi
fi

step "building $image on $BUILD_BASE / $RUNTIME_BASE"
maven_home=${MAVEN_REPO_DIR:-$HOME/.m2}
maven_args=()
if [ -d "$maven_home/repository" ]; then
  # The suite has just resolved every dependency into this repository: the build inside reuses it (mounted as an
  # overlay, so nothing the build writes reaches the host's copy) instead of downloading it all again.
  maven_args=(--volume "$maven_home:/m2:O" --build-arg MAVEN_USER_HOME=/m2 --build-arg "MAVEN_ARGS=-Dmaven.repo.local=/m2/repository")
fi
podman build --quiet --format docker --network host "${maven_args[@]}" \
  --build-arg "BUILD_BASE=$BUILD_BASE" --build-arg "RUNTIME_BASE=$RUNTIME_BASE" \
  --build-arg "REVISION=$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)" \
  --build-arg "CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  -t "$image" -f "$repo/Dockerfile" "$repo" >/dev/null || fail "the image did not build"
podman image inspect --format '{{json .Config.Healthcheck}} {{.Config.User}}' "$image" >&2

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
base="http://127.0.0.1:$port"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$secrets/app_secret"
chmod 644 "$secrets/app_secret"
podman volume create "$volume" >/dev/null

step "starting $name on $base"
podman run -d --name "$name" -p "127.0.0.1:$port:8080" -v "$volume:/data" \
  -v "$secrets/app_secret:/run/secrets/app_secret:ro" -e APP_SECRET_FILE=/run/secrets/app_secret \
  -e APPLICATION_URL="$base" -e TIMEZONE=UTC "$image" >/dev/null || fail "the container did not start"

wait_ready() {
  local deadline=$((SECONDS + 120))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$base/health/ready did not answer 200 within 120 s"
    [ "$(podman inspect --format '{{.State.Running}}' "$name")" = true ] || fail "the container stopped"
    sleep 1
  done
}
wait_ready
step "ready; /health/live answers $(curl -s -o /dev/null -w '%{http_code}' "$base/health/live")"
podman healthcheck run "$name" >/dev/null || fail "the image's HEALTHCHECK reports unhealthy while /health/ready answers 200"
[ "$(podman exec "$name" id -u)" = 10001 ] || fail "the server does not run as the image's user 10001"
step "server resident memory after start: $(podman exec "$name" sed -n 's/^VmRSS: *//p' /proc/1/status)"

created=$(printf 'a long password\n' | podman exec -i "$name" pathary user:create alice@example.org - alice) \
  || fail "user:create failed"
user_id=$(sed -n 's/^Created user \([0-9]*\) .*/\1/p' <<<"$created")
[ -n "$user_id" ] || fail "user:create printed '$created'"
webhook=$(podman exec "$name" pathary jellyfin:webhook-url "$user_id") || fail "jellyfin:webhook-url failed"
case "$webhook" in "$base"/*) ;; *) fail "the webhook URL '$webhook' does not start with APPLICATION_URL $base" ;; esac
step "user $user_id created; posting a PlaybackStop to its webhook"
answer=$(curl -s -w ' %{http_code}' -H 'Content-Type: text/plain; charset=utf-8' -H 'User-Agent: Jellyfin-Server/10.11.0' \
  --data-binary "@$payload" "$webhook")
[ "${answer##* }" = 200 ] || fail "the webhook answered '$answer'"
echo "webhook answer: $answer" >&2

history_line() {
  podman exec "$name" pathary history:export "$user_id" | awk -F, -v id="$tmdb_id" '$1 == id'
}
before=$(history_line)
[ -n "$before" ] || fail "the history has no date for TMDb id $tmdb_id after the webhook"
step "history before restart: $before"

podman restart -t 25 "$name" >/dev/null || fail "the container did not restart"
wait_ready
after=$(history_line)
[ "$after" = "$before" ] || fail "after a restart the history reads '$after', not '$before'"
podman exec "$name" test -s /data/pathary.db || fail "the database is not in the /data volume"
step "history after restart: $after"

step "server resident memory after a webhook and a restart: $(podman exec "$name" sed -n 's/^VmRSS: *//p' /proc/1/status)"
podman stop -t 25 "$name" >/dev/null || fail "the container did not stop"
step "stopped with exit code $(podman inspect --format '{{.State.ExitCode}}' "$name")"
echo "image-test passed: built, ready, user created, webhook recorded, date kept across a restart ($((SECONDS - started)) s)"
