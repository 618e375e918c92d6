#!/usr/bin/env bash
# Installs the Debian packages listed in installers/debian-packages.txt and training/python/debian-packages.txt
# (what the Python tests' TTS corpora need) that this machine lacks.
# Runs as root (CI, a fresh machine) or through sudo; a machine that has everything is left untouched,
# so calling this before every run costs only a dpkg query.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t wanted < <(cat "$here/debian-packages.txt" "$here/../training/python/debian-packages.txt" |
  grep -v '^\s*#' | awk 'NF {print $1}' | sort -u)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
# Some voices and tools live in Debian's contrib/non-free components.
src=/etc/apt/sources.list.d/debian.sources
if [ -f "$src" ] && grep -q '^Components: main$' "$src"; then
  "${sudo_cmd[@]}" sed -i 's/^Components: main$/Components: main contrib non-free/' "$src"
fi
"${sudo_cmd[@]}" apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
