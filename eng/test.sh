#!/usr/bin/env bash
# Runs the whole test suite the way CI does: starts PostgreSQL, RabbitMQ and Redis on loopback
# (installing them from Debian's packages when missing), builds with warnings as errors, and
# runs unit, integration and end-to-end tests against the real servers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$(id -u)" = 0 ]; then bash eng/servers.sh install; fi
bash eng/servers.sh start

dotnet build SectorMesh.sln -c Release -warnaserror -nologo -v q
results="$(mktemp -d)"
status=0
dotnet test SectorMesh.sln -c Release --no-build --nologo --logger "console;verbosity=normal" \
    --results-directory "$results" 2>&1 | tee "$results/output.txt" || status=$?

# One closing line for the whole run, summed over the test projects.
grep -E '^(Passed|Failed)!' "$results/output.txt" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
    awk '{ f += $1; p += $2; s += $3 } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
exit "$status"
