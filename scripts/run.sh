#!/usr/bin/env bash
# Starts LeicsPerformance on http://127.0.0.1:5000 with a real PostgreSQL and the sample data.
# A local development cluster is started from the installed server binaries unless
# ConnectionStrings__Performance points at another server. The app creates and migrates its database
# and loads data/ at start-up; running this again is safe.
set -euo pipefail
cd "$(dirname "$0")/.."

ConnectionStrings__Performance="$(scripts/postgres.sh start)"
export ConnectionStrings__Performance
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# --no-launch-profile: the launch profile would force Development whatever ASPNETCORE_ENVIRONMENT says.
exec dotnet run --project src/LeicsPerformance.Web --no-launch-profile -- --urls "${LEICS_URLS:-http://127.0.0.1:5000}" "$@"
