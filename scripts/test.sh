#!/usr/bin/env bash
# Runs every test: unit, integration (real PostgreSQL) and browser (Debian's Chromium).
# Starts a local PostgreSQL from the installed binaries unless ConnectionStrings__Performance is set,
# and installs Chromium from Debian's packages if it is missing and we may (root).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium (and poppler-utils for PDF checks) from Debian's packages ..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  else
    echo "Chromium is missing: install it (sudo apt-get install -y chromium poppler-utils) to run the browser tests." >&2
  fi
fi

# Many in-process app hosts and browsers in one run: make sure the default inotify limit (128) is not what fails.
if [ "$(id -u)" = "0" ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024)" -lt 1024 ]; then
  sysctl -q -w fs.inotify.max_user_instances=1024 2>/dev/null || true
fi
export DOTNET_hostBuilder__reloadConfigOnChange=false

ConnectionStrings__Performance="$(scripts/postgres.sh start)"
export ConnectionStrings__Performance

dotnet test LeicsPerformance.sln "$@"
