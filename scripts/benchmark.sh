#!/usr/bin/env bash
# The performance benchmark (docs/performance.md). Not part of the test suite.
#
#   scripts/benchmark.sh                       # about 6–8 minutes; prints the results table and writes it as Markdown
#   BENCH_REF=HEAD scripts/benchmark.sh        # benchmark a commit instead of the working tree (e.g. before/after a fix)
#   BENCH_SRC=/tmp/patched scripts/benchmark.sh  # benchmark another source tree (a copy of the repo with a change in it)
#
# 1. generates a national-scale data set (150 authorities × 250 quarterly indicators × 20 quarters = 750,000 values,
#    fixed seed) in the project's CSV formats, and loads it into a separate database through the app's own start-up
#    seeding (ConnectionStrings__Performance + SampleData:Path), timing the load;
# 2. restarts the app (Release, published to a temp folder) on 127.0.0.1:$BENCH_PORT and runs wrk against a dashboard
#    page, an indicator page, the dashboard API and, as the baseline, the dashboard page's own HTML saved as a static
#    file served by the same app (from the temp publish folder's wwwroot, so nothing is written into the repository);
# 3. times the read queries in-process, one call at a time (wall, CPU, allocations, SQL commands per call);
# 4. times ReturnImporter.PlanAsync + CommitAsync on 100,000 revised values against PostgreSQL's COPY of the same rows;
# 5. prints the results and writes them to $BENCH_OUT.
#
# Settings (environment): BENCH_PORT (5201–5209, default 5201), BENCH_DURATION (15s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (8), BENCH_DB (leicsperformance_bench; dropped and re-created every run), BENCH_SEED,
# BENCH_EXTRAS (1: also home, exceptions, funding pages and two more API calls), BENCH_ARTIFACTS (/tmp/art-bench),
# BENCH_OUT (results file), BENCH_KEEP=1 (keep the temp folder), BENCH_MAX_SECONDS (720: the whole run's budget),
# BENCH_WAIT_QUIET=N (wait up to N seconds, before starting, for the 1-minute load average to fall below 1.5).
# The PostgreSQL server is the one scripts/postgres.sh starts, or ConnectionStrings__Performance's (Database= replaced).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

port="${BENCH_PORT:-5201}"
duration="${BENCH_DURATION:-15s}"
warmup="${BENCH_WARMUP:-3s}"
connections="${BENCH_CONNECTIONS:-8}"
database="${BENCH_DB:-leicsperformance_bench}"
seed="${BENCH_SEED:-20240331}"
extras="${BENCH_EXTRAS:-1}"
artifacts="${BENCH_ARTIFACTS:-/tmp/art-bench}"
out="${BENCH_OUT:-/tmp/leicsperformance-benchmark-$(date -u +%Y%m%d-%H%M%S).md}"
budget="${BENCH_MAX_SECONDS:-720}"
started=$(date +%s)

if [ "$port" -lt 5201 ] || [ "$port" -gt 5209 ]; then
  echo "BENCH_PORT must be 5201–5209." >&2; exit 2
fi
for tool in wrk curl dotnet; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed (Debian: apt-get install -y wrk curl)." >&2; exit 2; }
done

work=$(mktemp -d /tmp/leicsperformance-bench.XXXXXX)
app_pid=""

log() { printf '[%4ss] %s\n' "$(( $(date +%s) - started ))" "$*" >&2; }
remaining() { echo $(( budget - ($(date +%s) - started) )); }
# Fails the run when less than $1 seconds of the budget are left, so it stops rather than overruns.
need() {
  if [ "$(remaining)" -lt "$1" ]; then
    echo "Out of time budget (BENCH_MAX_SECONDS=$budget) before: $2" >&2; exit 1
  fi
}

stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}

cleanup() {
  stop_app
  if [ "${BENCH_KEEP:-0}" = "1" ]; then
    echo "Kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

quiet="${BENCH_WAIT_QUIET:-0}"
if [ "$quiet" -gt 0 ]; then
  log "Waiting up to $quiet s for the machine to be quiet (load average $(cut -d' ' -f1 /proc/loadavg)) ..."
  until_quiet=$(( $(date +%s) + quiet ))
  while [ "$(date +%s)" -lt "$until_quiet" ] && awk '{ exit !($1 >= 1.5) }' /proc/loadavg; do sleep 5; done
  started=$(date +%s)
fi

# --- Source: the working tree, a commit exported to the temp folder, or another tree (with today's tools/Benchmark). ---
src="$repo"
if [ -n "${BENCH_REF:-}" ] || [ -n "${BENCH_SRC:-}" ]; then
  src="$work/src"
  mkdir -p "$src/tools"
  if [ -n "${BENCH_REF:-}" ]; then
    git archive "$BENCH_REF" | tar -x -C "$src"
    commit="$(git rev-parse --short "$BENCH_REF")"
    artifacts="$artifacts-ref"
  else
    tar -C "$BENCH_SRC" --exclude=bin --exclude=obj --exclude=.git -cf - . | tar -x -C "$src"
    commit="source tree $BENCH_SRC"
    artifacts="$artifacts-src"
  fi
  rm -rf "$src/tools/Benchmark" && cp -r "$repo/tools/Benchmark" "$src/tools/Benchmark"
  rm -rf "$src/tools/Benchmark/bin" "$src/tools/Benchmark/obj"
else
  commit="$(git rev-parse --short HEAD)$( [ -z "$(git status --porcelain -- src)" ] || echo ' + uncommitted changes in src/')"
fi

log "Building (Release, artifacts in $artifacts) ..."
need 60 "build"
timeout 300 dotnet build "$src/tools/Benchmark" -c Release --artifacts-path "$artifacts" -nologo -v q >"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; echo "Build failed (log above)." >&2; exit 1; }
timeout 300 dotnet publish "$src/src/LeicsPerformance.Web" -c Release --artifacts-path "$artifacts" -nologo -v q >>"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; echo "Publish failed (log above)." >&2; exit 1; }
cp -a "$artifacts/publish/LeicsPerformance.Web/release" "$work/app"
bench=(dotnet "$artifacts/bin/LeicsPerformance.Benchmark/release/LeicsPerformance.Benchmark.dll")

# --- Database: the local cluster (or the configured server), another database name. ---
server="$(scripts/postgres.sh start)"
if [[ "$server" =~ [Dd]atabase= ]]; then
  connection="$(printf '%s' "$server" | sed -E "s/([Dd]atabase)=[^;]*/\\1=$database/")"
else
  connection="$server;Database=$database"
fi

{
  echo "RUN_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "CPUS=$(nproc)"
  echo "CPU_MODEL=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
  echo "MEM_GB=$(awk '/MemTotal/{printf "%.0f", $2/1048576}' /proc/meminfo)"
  echo "DOTNET_VERSION=$(dotnet --version)"
  echo "GIT_COMMIT=$commit"
  echo "DURATION=$duration"
  echo "WARMUP=$warmup"
  echo "CONNECTIONS=$connections"
  echo "LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$work/meta.env"

# --- 1. Data set and load ---
log "Generating the data set (seed $seed) ..."
"${bench[@]}" generate --out "$work/data" --seed "$seed" --areas "$src/data/areas.csv" --ons "$src/data/ons" >&2
# shellcheck disable=SC1091
. "$work/data/bench.env"
cp "$work/data/bench.env" "$work/data.env"
"${bench[@]}" reset-db --connection "$connection" >&2

# The app runs as in Production (HTTPS required) behind a proxy that terminated TLS: 127.0.0.1 is its trusted proxy, and
# every request below says it arrived over HTTPS, as the proxy would. Without it a page answers 308 to https://.
proxied=(-H "X-Forwarded-Proto: https")

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# start_app LOG: starts the published app on the port against the bench database, loading the generated folder.
start_app() {
  port_free || { echo "Port $port is in use: set BENCH_PORT to a free one of 5201–5209." >&2; exit 1; }
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Performance="$connection" \
     SampleData__Load=true SampleData__Path="$work/data" Proxy__KnownProxies__0=127.0.0.1 \
     exec dotnet LeicsPerformance.Web.dll --urls "http://127.0.0.1:$port" --contentRoot "$work/app") >"$1" 2>&1 &
  app_pid=$!
}

# wait_ready SECONDS: until the API answers 200; prints the seconds it took.
wait_ready() {
  local from limit
  from=$(date +%s.%N)
  limit=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$limit" ]; do
    kill -0 "$app_pid" 2>/dev/null || { echo "The app stopped during start-up:" >&2; tail -n 40 "$work/app-"*.log >&2; exit 1; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${proxied[@]}" "http://127.0.0.1:$port/api/dashboards" || true)" = "200" ]; then
      awk -v a="$from" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
      return 0
    fi
    sleep 0.5
  done
  echo "The app was not ready within $1 s." >&2
  exit 1
}

peak_rss_mb() { awk '/VmHWM/{printf "%d", $2/1024}' "/proc/$app_pid/status"; }

need 120 "load"
log "Loading $VALUE_ROWS values through the app's start-up seeding ..."
start_app "$work/app-seed.log"
seed_s=$(wait_ready "$(( $(remaining) - 60 ))")
seed_rss=$(peak_rss_mb)
loaded_files=$(grep -c 'Loaded returns/' "$work/app-seed.log" || true)
if [ "$loaded_files" != "$RETURN_FILES" ]; then
  grep -E 'fail|Error|error' "$work/app-seed.log" | head -n 20 >&2 || true
  echo "Only $loaded_files of $RETURN_FILES returns files were loaded (app log above)." >&2
  exit 1
fi
stop_app
{
  echo "SEED_S=$seed_s"
  echo "SEED_ROWS_PER_S=$(awk -v r="$VALUE_ROWS" -v s="$seed_s" 'BEGIN { printf "%d", r / s }')"
  echo "SEED_PEAK_RSS_MB=$seed_rss"
} >"$work/load.env"
log "Loaded in $seed_s s (peak RSS $seed_rss MB)."
"${bench[@]}" stats --connection "$connection" --out "$work/stats.env" >/dev/null

# --- 2. Requests ---
need 90 "restart"
log "Restarting the app (same data folder configured: every file is already loaded) ..."
start_app "$work/app-run.log"
restart_s=$(wait_ready "$(( $(remaining) - 60 ))")
{ echo "RESTART_S=$restart_s"; echo "RESTART_PEAK_RSS_MB=$(peak_rss_mb)"; } >>"$work/load.env"
log "Ready in $restart_s s."

base="http://127.0.0.1:$port"
period="$LATEST_PERIOD"
targets=(
  "dashboard-page|/dashboards/$SLUG?period=$period"
  "indicator-page|/indicators/$INDICATOR?period=$period"
  "dashboard-api|/api/dashboards/$SLUG?period=$period"
)
if [ "$extras" = "1" ]; then
  targets+=(
    "home-page|/"
    "exceptions-page|/exceptions?period=$period"
    "funding-page|/funding?period=2023-24"
    "benchmark-api|/api/indicators/$INDICATOR/benchmark?period=$period"
    "summary-api|/api/summary?period=$period"
  )
fi

# A signed-in reader: the output cache serves anonymous readers only, so every one of these requests renders the
# dashboard afresh (queries, rating and Razor). A viewer account is made with the app's own add-user command.
jar="$work/cookies.txt"
bench_password="bench-$(date +%s%N)"
if (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Performance="$connection" SampleData__Load=false \
      LEICS_NEW_PASSWORD="$bench_password" dotnet LeicsPerformance.Web.dll add-user --email bench-viewer@example.org --role viewer) >"$work/add-user.log" 2>&1; then
  # Cookies are passed as a header: in Production they are Secure, which curl would not send back over http.
  jar_cookies() { awk -F'\t' 'NF >= 7 && $1 !~ /^# / { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar"; }
  token=$(curl -s "${proxied[@]}" -c "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -n 1 || true)
  curl -s -o /dev/null "${proxied[@]}" -c "$jar" -H "Cookie: $(jar_cookies)" --data-urlencode "Email=bench-viewer@example.org" --data-urlencode "Password=$bench_password" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in"
  cookie=$(jar_cookies || true)
  if [ -n "$token" ] && [ -n "$cookie" ]; then
    targets+=("dashboard-signed-in|/dashboards/$SLUG?period=$period|$cookie")
  else
    log "Could not sign the bench viewer in; the signed-in render is not measured."
  fi
else
  log "Could not add the bench viewer account (see $work/add-user.log); the signed-in render is not measured."
fi

# The baseline: the dashboard page's HTML (and the API's JSON) as saved once, served as static files by the same app.
mkdir -p "$work/app/wwwroot/bench"
# probe PATH FILE [COOKIE]
probe() { curl -s -o "$2" -w '%{http_code}' --max-time 30 "${proxied[@]}" ${3:+-H "Cookie: $3"} "$base$1" || echo "000"; }
code=$(probe "/dashboards/$SLUG?period=$period" "$work/app/wwwroot/bench/dashboard.html")
[ "$code" = "200" ] && targets+=("static-html|/bench/dashboard.html") || rm -f "$work/app/wwwroot/bench/dashboard.html"
code=$(probe "/api/dashboards/$SLUG?period=$period" "$work/app/wwwroot/bench/dashboard.json")
[ "$code" = "200" ] && targets+=("static-json|/bench/dashboard.json") || rm -f "$work/app/wwwroot/bench/dashboard.json"

ticks=$(getconf CLK_TCK)
cpu_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU ticks used so far by the app and by the PostgreSQL backends serving the bench database. On a shared machine
# CPU per request is steadier than requests per second, which depends on what else is running.
pg_backends() { ps -eo pid=,args= | awk -v db="$database" '$2 == "postgres:" && $4 == db { print $1 }'; }
pg_cpu() { local sum=0 pid; for pid in $(pg_backends); do sum=$(( sum + $(cpu_of "$pid") )); done; echo "$sum"; }

: >"$work/targets.tsv"
for entry in "${targets[@]}"; do
  IFS='|' read -r name path cookie_header <<<"$entry"
  headers=("${proxied[@]}")
  [ -n "$cookie_header" ] && headers+=(-H "Cookie: $cookie_header")
  code=$(probe "$path" "$work/body-$name" "$cookie_header")
  bytes=$(stat -c %s "$work/body-$name" 2>/dev/null || echo 0)
  case "$code" in
    200) status="200" ;;
    404) status="missing (404)" ;;
    301|302|303|307|308) status="redirect ($code, sign-in?)" ;;
    000) status="no answer" ;;
    *) status="error ($code)" ;;
  esac
  if [ "$code" != "200" ]; then
    log "$path: $status, not measured."
    printf '%s\t%s\t%s\t%s\t\t\t\n' "$name" "$path" "$status" "$bytes" >>"$work/targets.tsv"
    continue
  fi
  need 30 "wrk $path"
  log "wrk $path ..."
  wrk -t1 -c"$connections" -d"$warmup" --timeout 10s "${headers[@]}" "$base$path" >/dev/null
  app0=$(cpu_of "$app_pid"); pg0=$(pg_cpu)
  wrk -t1 -c"$connections" -d"$duration" --timeout 10s --latency "${headers[@]}" "$base$path" >"$work/wrk-$name.txt"
  app1=$(cpu_of "$app_pid"); pg1=$(pg_cpu)
  requests=$(awk '/requests in/ { print $1 }' "$work/wrk-$name.txt")
  app_ms=$(awk -v a="$app0" -v b="$app1" -v t="$ticks" -v n="${requests:-0}" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 1000 / t / n }')
  pg_ms=$(awk -v a="$pg0" -v b="$pg1" -v t="$ticks" -v n="${requests:-0}" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 1000 / t / n }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$path" "$status" "$bytes" "$app_ms" "$pg_ms" "$(cut -d' ' -f1 /proc/loadavg)" >>"$work/targets.tsv"
done
stop_app

# --- 3. The read side in-process, one call at a time: where a page's time goes, without HTTP or wrk ---
need 120 "profile"
log "Profiling the read queries in-process ..."
timeout 120 "${bench[@]}" profile --connection "$connection" --period "$period" --slug "$SLUG" --indicator "$INDICATOR" \
  --iterations 10 --out "$work/profile.md" >&2 || log "Profile did not finish; left out."

# --- 4. Import vs COPY (the app is stopped, so the import has the machine to itself) ---
need 60 "import"
log "Import benchmark: $IMPORT_ROWS rows through ReturnImporter, then COPY ..."
import_cmd=(timeout "$(( $(remaining) - 15 ))" "${bench[@]}" import --connection "$connection" --file "$work/data/import-100k.csv" --out "$work/import.env")
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v -o "$work/import-time.txt" "${import_cmd[@]}" >&2
  awk -F': ' '/Maximum resident set size/ { printf "IMPORT_TIME_MAX_RSS_MB=%d\n", $2 / 1024 }' "$work/import-time.txt" >"$work/import-time.env"
else
  "${import_cmd[@]}" >&2
fi

# --- 5. Results ---
mkdir -p "$(dirname "$out")"
"${bench[@]}" report --dir "$work" --out "$out"
log "Results written to $out"
