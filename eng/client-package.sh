#!/usr/bin/env bash
# Packs SectorMesh.Contracts with the project's version into artifacts/packages, then builds the
# sample client (samples/SectorMesh.SampleClient) against that package, as an internal state
# service would use it, rather than against the project. CI runs it from eng/test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rm -rf artifacts/packages
timeout 300 dotnet pack services/shared/SectorMesh.Contracts -c Release -nologo -v q -o artifacts/packages
# NuGet keeps one copy of a package per id and version: drop the copy of an earlier pack, so the
# sample restores this one.
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
rm -rf "${cache%/}/sectormesh.contracts"
timeout 300 dotnet build samples/SectorMesh.SampleClient -c Release -warnaserror -nologo -v q
echo "client package: $(cd artifacts/packages && ls ./*.nupkg | sed 's:^\./::'), sample client built against it"
