#!/bin/sh
# The Debian 12 packages trustlint builds with, installed as the README's first command needs
# them: nothing to do when all are there; apt-get as root (a debian:12 container); sudo apt-get
# for a user who has sudo; a user without sudo is told the one command to ask a root user to
# run, and the script fails (exit 1) so that the build does not start without them.
# usage: sh tools/debian_packages.sh        (TRUSTLINT_PACKAGES_CHECK_ONLY=1: never install)
set -eu
packages="cmake g++ make pkg-config nlohmann-json3-dev libre2-dev libyaml-cpp-dev libcli11-dev doctest-dev pybind11-dev"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
install="apt-get update && apt-get install -y$missing"
if [ "${TRUSTLINT_PACKAGES_CHECK_ONLY:-0}" = 1 ]; then
  echo "trustlint: missing Debian packages:$missing (as root: $install)" >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
else
  echo "trustlint: these Debian packages are missing:$missing" >&2
  echo "trustlint: you are not root and there is no sudo; ask a root user to run: $install" >&2
  exit 1
fi
