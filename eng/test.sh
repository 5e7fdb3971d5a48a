#!/usr/bin/env bash
# Runs the whole test suite the way CI does: starts PostgreSQL, RabbitMQ and Redis on loopback
# (installing them from Debian's packages when missing), builds with warnings as errors, and
# checks the protos with buf, packs the client package and builds the sample client against it,
# and runs unit, integration and end-to-end tests against the real servers, the staff web
# application's in a headless Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$(id -u)" = 0 ]; then bash eng/servers.sh install; fi
# The staff web application's tests drive Debian's Chromium (no browser download is possible here).
if [ "$(id -u)" = 0 ] && ! command -v chromium >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash eng/servers.sh start

dotnet build SectorMesh.sln -c Release -warnaserror -nologo -v q
# The contracts before the tests: buf lint and buf breaking against the last release (a finding
# fails the run), then the client package and the sample client built against it.
bash eng/contracts.sh
bash eng/client-package.sh
results="$(mktemp -d)"
status=0
# One test project at a time (-m:1): the fault suite stops servers and loads the machine, and the
# timings of the other suites must not depend on whether it happens to run beside them.
dotnet test SectorMesh.sln -c Release --no-build --nologo -m:1 --logger "console;verbosity=normal" \
    --results-directory "$results" 2>&1 | tee "$results/output.txt" || status=$?

# One closing line for the whole run, summed over the test projects' summaries.
awk '/^ +Passed: +[0-9]+$/ { p += $2 } /^ +Failed: +[0-9]+$/ { f += $2 } /^ +Skipped: +[0-9]+$/ { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$results/output.txt"
exit "$status"
