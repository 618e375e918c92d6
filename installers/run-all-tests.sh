#!/usr/bin/env bash
# Every test of the project, Java and Python, on a fresh Debian 12 machine: this is the README's test command
# (through `./tse test`) and what .ci/run calls.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
installers/setup-debian.sh
# The same malloc settings as ./tse, so that the tests run libtorch as the product does.
source installers/malloc-settings.sh
echo "== Python tests (Debian torch, CPU) =="
PYTHONPATH="$root/training/python" /usr/bin/python3 -m pytest -q training/python/tests
echo "== Java tests (Maven: engine, training, app) =="
mvn -B -ntp verify
