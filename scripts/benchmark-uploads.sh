#!/usr/bin/env bash
# Upload memory benchmark (docs/performance.md, "Uploads and memory"). A sibling of scripts/benchmark.sh; not a test.
#
#   scripts/benchmark-uploads.sh                      # a few minutes (publishing, the sample data, four uploads)
#   BENCH_REF=<commit> scripts/benchmark-uploads.sh   # the same against a commit (e.g. before the limits)
#
# Publishes the app (Release) to a temp folder, starts it in Production on 127.0.0.1:$BENCH_PORT against its own
# database (sample data loaded), signs in four analysts, then uploads the worst case at the same moment from all
# four: a 1.9 MB returns file of 200,000 rows that are all wrong (unknown indicator, a period that is no period),
# each upload followed to its preview. It samples the app's resident memory every 0.1 s and prints the process's
# resident memory before, the peak while the uploads run (VmHWM) and each upload's status and time.
#
# Run it on an otherwise idle machine (check `uptime`): it prints the load average with the result.
# Settings: BENCH_PORT (default 5202), BENCH_DB (leicsperformance_bench_uploads; dropped and re-created),
# BENCH_UPLOADS (4), BENCH_ROWS (200000), BENCH_QUEUE_SECONDS (600: how long an upload may wait for one of the
# app's two upload slots, so all four are served, two at a time), BENCH_KEEP=1 keeps the temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
port="${BENCH_PORT:-5202}"
database="${BENCH_DB:-leicsperformance_bench_uploads}"
uploads="${BENCH_UPLOADS:-4}"
rows="${BENCH_ROWS:-200000}"
password="a long enough benchmark password"
for tool in curl dotnet psql; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed." >&2; exit 2; }
done

work=$(mktemp -d /tmp/leicsperformance-upload-bench.XXXXXX)
app_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" = "1" ]; then echo "Kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
log() { printf '[upload-bench] %s\n' "$*" >&2; }

src="$repo"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo "working tree")$( [ -z "$(git status --porcelain -- src 2>/dev/null)" ] || echo ' + uncommitted changes in src/')"
if [ -n "${BENCH_REF:-}" ]; then
  src="$work/src"; mkdir -p "$src"
  git archive "$BENCH_REF" | tar -x -C "$src"
  commit="$(git rev-parse --short "$BENCH_REF")"
fi

log "Publishing (Release) ..."
timeout 600 dotnet publish "$src/src/LeicsPerformance.Web" -c Release -o "$work/app" -nologo -v q >"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; echo "Publish failed." >&2; exit 1; }

server="$(scripts/postgres.sh start)"
if [[ "$server" =~ [Dd]atabase= ]]; then
  connection="$(printf '%s' "$server" | sed -E "s/([Dd]atabase)=[^;]*/\\1=$database/")"
else
  connection="$server;Database=$database"
fi
admin="$(printf '%s' "$connection" | sed -E "s/([Dd]atabase)=[^;]*/\\1=postgres/")"
psql_args=$(printf '%s' "$admin" | awk -F';' '{for(i=1;i<=NF;i++){split($i,kv,"="); k=tolower(kv[1]); if(k=="host")h=kv[2]; if(k=="port")p=kv[2]; if(k=="username")u=kv[2]}} END{printf "-h %s -p %s -U %s", h, p, u}')
# shellcheck disable=SC2086
psql $psql_args -d postgres -q -c "drop database if exists \"$database\" with (force)" >/dev/null

run_app() { (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Https__Required=false ConnectionStrings__Performance="$connection" \
  SampleData__Path="$src/data" "$@"); }

log "Creating the database and $uploads analysts ..."
for i in $(seq 1 "$uploads"); do
  LEICS_NEW_PASSWORD="$password" run_app dotnet LeicsPerformance.Web.dll add-user --email "bench$i@example.org" --role analyst >/dev/null
done

log "Starting the app on port $port (loading the sample data) ..."
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Https__Required=false ConnectionStrings__Performance="$connection" \
  Uploads__QueueSeconds="${BENCH_QUEUE_SECONDS:-600}" SampleData__Load=true SampleData__Path="$src/data" exec dotnet LeicsPerformance.Web.dll --urls "http://127.0.0.1:$port") >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ] && break
  kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app.log" >&2; exit 1; }
  sleep 0.5
done

log "Writing the worst-case file ($rows wrong rows) ..."
{ echo "indicator_code,period,value"; awk -v n="$rows" 'BEGIN { for (i = 0; i < n; i++) print "Z" (i % 100) ",Q9,xx" }'; } >"$work/bad.csv"
size_kb=$(( $(stat -c %s "$work/bad.csv") / 1024 ))

token() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/'; }
for i in $(seq 1 "$uploads"); do
  jar="$work/jar$i"
  t=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" | token)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=bench$i@example.org" --data-urlencode "Password=$password" \
    --data-urlencode "__RequestVerificationToken=$t" "http://127.0.0.1:$port/account/sign-in"
  curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/returns" | token >"$work/token$i"
done

rss() { awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$app_pid/status"; }
hwm() { awk '/VmHWM/{printf "%d", $2/1024}' "/proc/$app_pid/status"; }
before=$(rss)
before_hwm=$(hwm)
( peak=0; while kill -0 "$app_pid" 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$work/peak"; sleep 0.1; done ) &
sampler_pid=$!

log "Uploading the file from $uploads analysts at once ..."
curls=()
for i in $(seq 1 "$uploads"); do
  jar="$work/jar$i"
  curl -s -L -o "$work/preview$i.html" -c "$jar" -b "$jar" -w '%{http_code} %{time_total}\n' \
    -F "__RequestVerificationToken=$(cat "$work/token$i")" -F "file=@$work/bad.csv;type=text/csv" \
    "http://127.0.0.1:$port/returns/upload" >"$work/result$i" &
  curls+=($!)
done
for pid in "${curls[@]}"; do wait "$pid" || true; done
sleep 0.5
peak=$(cat "$work/peak" 2>/dev/null || echo "$before")
after_hwm=$(hwm)

echo
echo "Upload memory benchmark: $commit, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "File: $rows wrong rows, $size_kb KB; $uploads uploads at once, each followed to its preview."
echo "Resident memory before: $before MB (peak since start-up $before_hwm MB)"
echo "Resident memory peak while uploading: $peak MB (sampled every 0.1 s); process peak (VmHWM) now $after_hwm MB"
for i in $(seq 1 "$uploads"); do
  read -r code secs <"$work/result$i"
  errors=$(grep -o 'id="errors">Errors ([^)]*)' "$work/preview$i.html" | head -n 1 | sed -E 's/.*\((.*)\)/\1/' || true)
  echo "  upload $i: HTTP $code in ${secs}s; preview errors: ${errors:-none shown}"
done
