#!/usr/bin/env bash
# Builds a Debian-unstable chroot holding Asterisk 22 for RealAsteriskTest (Asterisk is not in stable).
# usage: build-chroot.sh DIR    (as root). On a chroot built before, only refreshes the config files.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
started=$(date +%s)

say() { printf 'build-chroot: %s\n' "$*"; }
die() { printf 'build-chroot: FAILED: %s\n' "$*" >&2; exit 1; }
since() { echo "$(( $(date +%s) - $1 ))s"; }

[ $# -eq 1 ] || die "usage: $0 DIR"
[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap and chroot need it)"
dir="$(realpath -m "$1")"
[ "$dir" != / ] || die "refusing to build into /"
marker="$dir/.hotline-ready"

# Copies .ci/asterisk/*.conf into the chroot, readable by the asterisk user.
install_config() {
  local f
  for f in "$here"/*.conf; do
    install -m 0644 "$f" "$dir/etc/asterisk/$(basename "$f")"
  done
  # Inside the chroot so that "asterisk" means the chroot's user, which the host does not have.
  chroot "$dir" sh -ec '
    for d in /var/lib/asterisk /var/log/asterisk /var/run/asterisk /var/spool/asterisk /var/cache/asterisk; do
      mkdir -p "$d"; chown asterisk:asterisk "$d"
    done
    chown -R asterisk:asterisk /etc/asterisk'
}

if [ -x "$dir/usr/sbin/asterisk" ] && [ -f "$marker" ]; then
  install_config || die "could not refresh the config files in $dir/etc/asterisk"
  say "chroot $dir already ready; config refreshed in $(since "$started")"
  exit 0
fi

# The archive this machine's own apt uses: the project names no package-archive host.
debian_mirror() {
  local uri=""
  if [ -r /etc/apt/sources.list.d/debian.sources ]; then
    # deb822: the URIs of the first stanza that is not the security archive
    uri=$(awk 'BEGIN { RS = ""; FS = "\n" }
      { u = ""; s = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { u = $i; sub(/^URIs:[ \t]*/, "", u); sub(/[ \t].*/, "", u) }
          if ($i ~ /^Suites:/) s = $i
        }
        if (u != "" && s !~ /-security/) { print u; exit } }' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -r /etc/apt/sources.list ]; then
    uri=$(sed -En 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+([^[:space:]]+).*/\2 \3/p' \
      /etc/apt/sources.list | awk '$2 !~ /-security/ { print $1; exit }')
  fi
  echo "$uri"
}

if ! command -v debootstrap >/dev/null 2>&1; then
  t=$(date +%s)
  say "installing debootstrap on the host"
  apt-get update -qq || die "apt-get update on the host failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null || die "could not install debootstrap"
  say "debootstrap installed in $(since "$t")"
fi

mirror="${HOTLINE_DEBIAN_MIRROR:-$(debian_mirror)}"
[ -n "$mirror" ] || die "no Debian archive found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"

# Unmounts whatever a run (ours or debootstrap's) left mounted below the chroot, deepest first.
unmount_below() {
  local m
  findmnt -rn -o TARGET | awk -v d="$dir" '$0 == d || index($0, d "/") == 1' | sort -r | while read -r m; do
    umount -l "$m" || true
  done
}

if [ ! -x "$dir/usr/bin/apt-get" ] || [ -d "$dir/debootstrap" ]; then
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    # Only an interrupted debootstrap (it leaves DIR/debootstrap behind) is ours to delete.
    [ -d "$dir/debootstrap" ] || die "$dir is not empty and holds no unfinished chroot; remove it or pick another DIR"
    say "removing the unfinished chroot in $dir"
    unmount_below
    rm -rf --one-file-system "$dir"
  fi
  t=$(date +%s)
  say "debootstrap --variant=minbase unstable $dir $mirror"
  mkdir -p "$dir"
  debootstrap --variant=minbase unstable "$dir" "$mirror" > "$dir.debootstrap.log" 2>&1 \
    || { tail -30 "$dir.debootstrap.log" >&2; die "debootstrap failed (log: $dir.debootstrap.log)"; }
  say "debootstrap took $(since "$t")"
fi

printf '#!/bin/sh\n# No service starts inside this chroot: the test runs Asterisk itself.\nexit 101\n' \
  > "$dir/usr/sbin/policy-rc.d"
chmod 0755 "$dir/usr/sbin/policy-rc.d"
cp --remove-destination -L /etc/resolv.conf "$dir/etc/resolv.conf"
# The host's archive may be a frozen snapshot whose Release files are past Valid-Until: judge as the host does.
apt-config dump | grep -E '^Acquire::Check-(Valid-Until|Date) ' > "$dir/etc/apt/apt.conf.d/99hotline-from-host" || true

trap unmount_below EXIT
trap 'exit 1' INT TERM  # so that the EXIT trap unmounts /proc on an interrupt too
mountpoint -q "$dir/proc" || mount -t proc proc "$dir/proc"
t=$(date +%s)
say "installing asterisk in the chroot"
export DEBIAN_FRONTEND=noninteractive
chroot "$dir" apt-get update -qq > "$dir.apt.log" 2>&1 \
  || { tail -30 "$dir.apt.log" >&2; die "apt-get update in the chroot failed (log: $dir.apt.log)"; }
chroot "$dir" apt-get install -y --no-install-recommends \
    asterisk asterisk-modules asterisk-core-sounds-en-gsm >> "$dir.apt.log" 2>&1 \
  || { tail -30 "$dir.apt.log" >&2; die "apt-get install asterisk in the chroot failed (log: $dir.apt.log)"; }
chroot "$dir" apt-get clean
say "asterisk installed in $(since "$t")"
unmount_below
trap - EXIT INT TERM

[ -x "$dir/usr/sbin/asterisk" ] || die "$dir/usr/sbin/asterisk missing after the install"
chroot "$dir" getent passwd asterisk >/dev/null || die "the asterisk package created no asterisk user"
install_config || die "could not install the config files into $dir/etc/asterisk"
chroot "$dir" sh -ec 'chown -R asterisk:asterisk /var/lib/asterisk /var/log/asterisk /var/spool/asterisk'
say "$(chroot "$dir" asterisk -V)"
touch "$marker"
say "chroot $dir ready in $(since "$started")"
