#!/usr/bin/env bash
# Makes the two base images of the Dockerfile out of Debian packages alone, for machines that reach Debian's
# archive but no image registry (as the one the test suite runs on):
#   localhost/pathary-base:trixie        Debian 13 "trixie", variant minbase (debootstrap), imported with podman
#   localhost/pathary-base:trixie-jdk21  the same plus Debian's openjdk-21-jdk-headless (apt inside a podman build)
#   local-bases.sh runtime|build [--rebuild]   makes that image (build needs runtime) and prints its name
# An image that already exists is kept; --rebuild makes it again. Needs root, podman and debootstrap.
set -euo pipefail
cd "$(dirname "$0")"

MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=trixie
RUNTIME_IMAGE=localhost/pathary-base:$SUITE
BUILD_IMAGE=localhost/pathary-base:$SUITE-jdk21

which=${1:?usage: local-bases.sh runtime|build [--rebuild]}
if [ "${2:-}" = --rebuild ]; then
  [ "$which" = runtime ] && podman rmi -f "$RUNTIME_IMAGE" >/dev/null 2>&1 || true
  [ "$which" = build ] && podman rmi -f "$BUILD_IMAGE" >/dev/null 2>&1 || true
fi

if ! podman image exists "$RUNTIME_IMAGE"; then
  root=$(mktemp -d /var/tmp/pathary-rootfs.XXXXXX)
  trap 'rm -rf "$root"' EXIT
  echo "Making $RUNTIME_IMAGE with debootstrap from $MIRROR..." >&2
  debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" > "$root.log" 2>&1 || { tail -20 "$root.log" >&2; exit 1; }
  rm -f "$root.log"
  # apt's lists and caches are left out, as in Debian's own slim images.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
  tar -C "$root" --numeric-owner -c . | podman import \
    --change 'CMD ["/bin/bash"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --message "Debian $SUITE minbase from $MIRROR (debootstrap)" - "$RUNTIME_IMAGE" >/dev/null
  rm -rf "$root"
  trap - EXIT
fi

if [ "$which" = runtime ]; then
  echo "$RUNTIME_IMAGE"
  exit 0
fi

if ! podman image exists "$BUILD_IMAGE"; then
  echo "Making $BUILD_IMAGE (Debian's openjdk-21-jdk-headless)..." >&2
  podman build --quiet --network host --build-arg "RUNTIME_BASE=$RUNTIME_IMAGE" -t "$BUILD_IMAGE" \
    -f build-base.Containerfile . >/dev/null
fi

echo "$BUILD_IMAGE"
