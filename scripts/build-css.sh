#!/usr/bin/env bash
# Rebuild src/LeicsPerformance.Web/wwwroot/css/app.css from Styles/app.scss.
#
#   scripts/build-css.sh          compile the CSS
#   scripts/build-css.sh --lib    also refresh wwwroot/lib from npm (LibMan CLI stand-in)
#
# Package versions come from src/LeicsPerformance.Web/libman.json, so bumping a
# version there and re-running this script (with --lib) is the whole update.
# Needs Node 20+ and npm; installs into a throwaway temp dir, never the repo.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
web="$repo/src/LeicsPerformance.Web"
SASS_VERSION="${SASS_VERSION:-1.108.2}"

version_of() { # version_of <package> -> the version pinned in libman.json
  node -e '
    const m = require(process.argv[1]);
    const lib = m.libraries.find(l => l.library.startsWith(process.argv[2] + "@"));
    if (!lib) { console.error("not in libman.json: " + process.argv[2]); process.exit(1); }
    console.log(lib.library.slice(process.argv[2].length + 1));
  ' "$web/libman.json" "$1"
}

govuk_version="$(version_of govuk-frontend)"
chart_version="$(version_of chart.js)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "npm: govuk-frontend@$govuk_version chart.js@$chart_version sass@$SASS_VERSION"
(
  cd "$tmp"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --ignore-scripts --save-exact \
    "govuk-frontend@$govuk_version" "chart.js@$chart_version" "sass@$SASS_VERSION" >/dev/null
)

mkdir -p "$web/wwwroot/css"
"$tmp/node_modules/.bin/sass" \
  --load-path="$tmp/node_modules" \
  --style=compressed --no-source-map --quiet-deps \
  "$web/Styles/app.scss" "$web/wwwroot/css/app.css"

# Guard the no-GDS-font decision.
if grep -q -e 'GDS Transport' -e '@font-face' "$web/wwwroot/css/app.css"; then
  echo "error: app.css contains GDS Transport / @font-face" >&2
  exit 1
fi
echo "wrote $web/wwwroot/css/app.css ($(wc -c <"$web/wwwroot/css/app.css") bytes)"

if [[ "${1:-}" == "--lib" ]]; then
  # Mirror libman.json's fileMappings by hand (LibMan CLI is not available here).
  gf="$tmp/node_modules/govuk-frontend"
  cj="$tmp/node_modules/chart.js"
  mkdir -p "$web/wwwroot/lib/govuk-frontend" "$web/wwwroot/lib/chart.js"
  cp "$gf/dist/govuk/govuk-frontend.min.js" "$web/wwwroot/lib/govuk-frontend/"
  cp "$cj/dist/chart.umd.min.js" "$cj/LICENSE.md" "$web/wwwroot/lib/chart.js/"
  # The govuk-frontend npm package ships no licence file; LICENSE.txt in
  # wwwroot/lib/govuk-frontend is the upstream repository's MIT licence and is kept as is.
  echo "refreshed $web/wwwroot/lib"
fi
