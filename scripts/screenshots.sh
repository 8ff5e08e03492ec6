#!/usr/bin/env bash
# Refreshes docs/screenshots/ from the running app: starts it on a spare port with the sample data, captures the
# overview, a dashboard, an indicator, the funding page and a committee report in headless Chromium, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${LEICS_SCREENSHOT_PORT:-5098}"
out=docs/screenshots
mkdir -p "$out"

LEICS_URLS="http://127.0.0.1:$port" scripts/run.sh >"${TMPDIR:-/tmp}/leicsperformance-screenshots.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; pkill -f "urls http://127.0.0.1:$port" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/api/dashboards" >/dev/null 2>&1 && break
  sleep 1
done

shot() { # shot <name> <path> <height> [width]
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars \
    --window-size="${4:-1280},$3" --screenshot="$out/$1.png" "http://127.0.0.1:$port$2" >/dev/null 2>&1
  echo "$out/$1.png  ←  $2"
}
shot overview "/?period=2017-18" 1800
shot dashboard-fair-funding "/dashboards/fair-funding?period=2017-18" 1800
shot dashboard-phone "/dashboards/fair-funding?period=2017-18" 2600 375
shot indicator-ff01 "/indicators/FF01?period=2018-19" 2200
shot funding "/funding?compare=camden" 2300
shot committees "/committees" 1400
shot committee-report "/committees/adults-and-communities/2021-22-q1" 2400
