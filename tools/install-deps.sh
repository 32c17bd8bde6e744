#!/bin/sh
# Installs the Debian 12 packages crosscheck builds and tests with (README lists why each is there).
set -eu
packages="gcc make libc6-dev libutf8proc-dev libpcre2-dev libjansson-dev libstemmer-dev libxxhash-dev libxml2-dev python3 chromium tidy"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
run() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
run apt-get update
run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
