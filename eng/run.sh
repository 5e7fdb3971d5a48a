#!/usr/bin/env bash
# Runs the whole platform with .NET Aspire: PostgreSQL, RabbitMQ and Redis (installed from
# Debian's packages when missing and run by the AppHost), the migration step, the services, the
# gateway on http://127.0.0.1:8080 (the staff web application at its root, and JSON) and :8081
# (gRPC), the dashboard on :18888, and the
# sample statewide board. Pass --SampleData=false to start empty.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$(id -u)" = 0 ]; then bash eng/servers.sh install; fi
echo "SectorMesh: the staff web application opens at http://127.0.0.1:8080/ once the dashboard shows the gateway running."
exec dotnet run --project apphost/SectorMesh.AppHost -- "$@"
