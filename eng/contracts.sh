#!/usr/bin/env bash
# The contract checks of the protos in SectorMesh.Contracts, with buf pinned in
# eng/contracts/package-lock.json: `buf lint` with buf.yaml's rules (the API Improvement Proposals'
# style), then `buf breaking` against the image of the last release kept in eng/contracts/, so a
# change that breaks gRPC, JSON or generated C# callers fails unless it goes into a new major
# version package. CI runs it from eng/test.sh; a finding fails the run.
#   bash eng/contracts.sh           lint and breaking-change check
#   bash eng/contracts.sh release   writes eng/contracts/v<Version>.binpb from the protos as they
#                                   are, when a version is released (Directory.Build.props)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

protos=services/shared/SectorMesh.Contracts/Protos
contracts=services/shared/SectorMesh.Contracts/SectorMesh.Contracts.csproj
buf=eng/contracts/node_modules/.bin/buf

if [ ! -x "$buf" ] || [ "${CI:-}" = true ]; then
    timeout 300 npm ci --prefix eng/contracts --no-audit --no-fund --loglevel=error
fi

# buf resolves google/api and google/type from the same Google.Api.CommonProtos package that
# Grpc.Tools compiles the protos with (buf.yaml's second module), so both see one version.
timeout 300 dotnet restore "$contracts" -v q --nologo >/dev/null
common=$(dotnet msbuild "$contracts" -getProperty:GoogleApiCommonProtos_ProtosPath)
[ -d "$common/google" ] || { echo "Google.Api.CommonProtos protos not found at '$common'" >&2; exit 1; }
rm -rf artifacts/googleapis && mkdir -p artifacts/googleapis && cp -r "$common/google" artifacts/googleapis/

if [ "${1:-}" = release ]; then
    version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
    timeout 120 "$buf" build "$protos" --exclude-source-info -o "eng/contracts/v$version.binpb"
    echo "wrote eng/contracts/v$version.binpb"
    exit 0
fi

files=$(timeout 60 "$buf" ls-files "$protos" | wc -l)
lint_rules=$(timeout 60 "$buf" config ls-lint-rules --configured-only --module-path "$protos" | tail -n +2 | wc -l)
breaking_rules=$(timeout 60 "$buf" config ls-breaking-rules --configured-only --module-path "$protos" | tail -n +2 | wc -l)
# The newest image kept is the last release: a release adds its own beside the older ones.
baseline=$(ls eng/contracts/v*.binpb | sort -V | tail -n 1)

status=0
lint=$(timeout 120 "$buf" lint "$protos") || status=$?
[ -z "$lint" ] || echo "$lint"
echo "buf lint: $files files, $lint_rules rules, $(printf '%s' "$lint" | grep -c . || true) findings"
breaking=$(timeout 120 "$buf" breaking "$protos" --against "$baseline") || status=$?
[ -z "$breaking" ] || echo "$breaking"
echo "buf breaking: $files files against $baseline, $breaking_rules rules, $(printf '%s' "$breaking" | grep -c . || true) findings"
exit "$status"
