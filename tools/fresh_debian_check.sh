#!/usr/bin/env bash
# Runs the README's two quick-start commands verbatim (the ```sh blocks under "Quick start") in a
# fresh Debian 12 root that has only git, as root and as a user without sudo: first the user
# before anything is installed (the first command must stop and say what to install), then root
# (installs, builds, runs every test), then the user again (builds and tests in their own clone).
# Not run by CI: it needs root (debootstrap, chroot, mount) and takes 30-60 minutes on 2 cores.
# usage: sudo tools/fresh_debian_check.sh [ROOT_DIR] [MIRROR]   (default /tmp/trustlint-fresh,
#        http://deb.debian.org/debian); prints a summary, exit 0 when every step did as expected.
# The clone is of the committed HEAD of this repository (uncommitted changes are not tested).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-/tmp/trustlint-fresh}
mirror=${2:-http://deb.debian.org/debian}
if [ "$(id -u)" != 0 ]; then echo "fresh_debian_check.sh: run as root (debootstrap, chroot)" >&2; exit 2; fi
command -v debootstrap >/dev/null || { echo "fresh_debian_check.sh: apt-get install -y debootstrap" >&2; exit 2; }

if [ ! -f "$root/etc/debian_version" ]; then
  echo "== debootstrap --variant=minbase bookworm $root"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
    { tail -20 "$root.debootstrap.log"; exit 1; }
fi
mounted=()
cleanup() { for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"; done; }
trap cleanup EXIT
for m in proc dev dev/pts; do
  mountpoint -q "$root/$m" && continue
  case $m in proc) mount -t proc proc "$root/proc" ;; *) mount --bind "/$m" "$root/$m" ;; esac
  mounted+=("$root/$m")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

echo "== git only"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git >/dev/null
in_root dpkg-query -W -f='${Package}\n' | sort >"$root/root/packages-before.txt"

# The README's commands, verbatim: the first and second ```sh blocks under "## Quick start".
block() { awk -v n="$1" '/^## Quick start/ { q = 1 } q && /^```sh$/ { getline; if (++k == n) { print; exit } }' "$src/README.md"; }
first=$(block 1)
second=$(block 2)
[ -n "$first" ] && [ -n "$second" ] || { echo "no two commands under Quick start in README.md" >&2; exit 1; }
echo "first:  $first"
echo "second: $second"

in_root id tester >/dev/null 2>&1 || in_root useradd -m -s /bin/bash tester
rm -rf "$root/root/trustlint" "$root/home/tester/trustlint"
git clone -q "$src" "$root/root/trustlint"
git clone -q "$src" "$root/home/tester/trustlint"
in_root su -c "chown -R tester:tester ~tester/trustlint"
as_user() { in_root su tester -c "cd ~/trustlint && $1"; }
as_root() { in_root bash -c "cd ~/trustlint && $1"; }

failures=0
step() {  # step NAME EXPECT(0|fail) LOG -- command...
  local name=$1 expect=$2 log=$3
  shift 4
  local start rc
  start=$(date +%s)
  set +e
  "$@" >"$log" 2>&1
  rc=$?
  set -e
  local took=$(($(date +%s) - start))
  if { [ "$expect" = 0 ] && [ $rc = 0 ]; } || { [ "$expect" = fail ] && [ $rc != 0 ]; }; then
    echo "ok   $name: exit $rc in ${took}s"
  else
    echo "FAIL $name: exit $rc in ${took}s (expected $expect)"
    tail -30 "$log"
    failures=$((failures + 1))
  fi
}
logs="$root/root/logs"
mkdir -p "$logs"
step "user, nothing installed, first command" fail "$logs/user-first-before.log" -- as_user "$first"
grep -q "ask a root user to run: apt-get" "$logs/user-first-before.log" ||
  { echo "FAIL the user was not told what to install:"; cat "$logs/user-first-before.log"; failures=$((failures + 1)); }
step "root, first command" 0 "$logs/root-first.log" -- as_root "$first"
grep -q "^These deployments can assume this role" "$logs/root-first.log" ||
  { echo "FAIL root's first command did not end with who's answer"; failures=$((failures + 1)); }
step "root, second command" 0 "$logs/root-second.log" -- as_root "$second"
step "user, first command" 0 "$logs/user-first.log" -- as_user "$first"
step "user, second command" 0 "$logs/user-second.log" -- as_user "$second"
for log in root-second user-second; do grep -E "tests passed|tests failed" "$logs/$log.log" | sed "s/^/$log: /" || true; done
in_root dpkg-query -W -f='${Package}\n' | sort | comm -13 "$root/root/packages-before.txt" - | tr '\n' ' ' >"$logs/installed.txt"
echo "installed by the first command: $(wc -w <"$logs/installed.txt") packages (list: $logs/installed.txt)"
echo "logs: $logs"
[ $failures = 0 ] && echo "fresh Debian 12: the README's commands work as root and as a user" || echo "fresh Debian 12: $failures step(s) failed"
exit $((failures != 0))
