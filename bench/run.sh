#!/usr/bin/env bash
# Herald's hot read paths under load, beside nginx serving the very same bytes as static files.
#
#   bench/run.sh                 build, start the stack (bin/run), measure, stop
#   BENCH_REUSE=1 bench/run.sh   measure a stack that is already running on the default ports
#   BENCH_DURATION=15s BENCH_CONNECTIONS=64 BENCH_THREADS=2 BENCH_ROUNDS=1 (defaults; rounds repeat the page rows)
#   HERALD_WEB_PORT, HERALD_API_PORT, HERALD_INGEST_PORT, HERALD_DB_NAME, HERALD_REDIS_PREFIX, BENCH_NGINX_PORT:
#                                a stack of its own beside another one on the same machine (see bin/run)
#
# The home page is measured twice: as it is (no Accept-Encoding) and gzip-compressed (Accept-Encoding: gzip).
# nginx serves the bytes status-web sent, both ways, so neither side compresses per request: index.html, and
# index.html.gz through gzip_static (the file status-web compressed, not nginx's own gzip), with the same response
# headers as status-web (Content-Type with charset, Cache-Control, Vary, CSP and the other security headers).
# Prints requests/s and latency percentiles (wrk --latency) for each target, the Herald/nginx ratios and the load
# average before and after (the machine is shared: figures from a loaded machine are noisy).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
duration=${BENCH_DURATION:-15s}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
rounds=${BENCH_ROUNDS:-1}
api=http://127.0.0.1:${HERALD_API_PORT:-8081}
web=http://127.0.0.1:${HERALD_WEB_PORT:-8080}
nginx_port=${BENCH_NGINX_PORT:-8090}
work=$root/bench/target
mkdir -p "$work/static/api/v2" "$work/nginx"

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "bench: installing wrk and nginx (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk nginx-light </dev/null >/dev/null
fi

pids=()
incident=
cleanup() {
  # The measurement's incident is resolved again, so the page is left as it was found.
  if [ -n "$incident" ]; then
    curl -fsS -o /dev/null -X POST "$api/api/v1/admin/incidents/$incident/resolve" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' --data '{"body":"Benchmark finished."}' || true
  fi
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  # TERM, not INT: a background job started by a script ignores SIGINT.
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT


if [ -z "${BENCH_REUSE:-}" ]; then
  bin/run > "$work/stack.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    grep -q "Herald is running" "$work/stack.log" 2>/dev/null && break
    kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/stack.log"; exit 1; }
    sleep 0.5
  done
fi
# Let the first probe rounds settle so the bytes compared are the steady page.
sleep "${BENCH_SETTLE:-5}"

# Measure the page as it is during an outage: one open incident with two updates (BENCH_INCIDENT=0 to skip).
if [ "${BENCH_INCIDENT:-1}" = 1 ] && [ -s "$root/.herald/admin-token" ]; then
  token=$(cat "$root/.herald/admin-token")
  incident=$(curl -fsS -X POST "$api/api/v1/admin/incidents" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data '{"name":"ActiveSync: some users cannot connect","status":"investigating",
      "impact":"major","body":"Phones cannot sync mail for some users.","components":{"activesync-endpoints":"partial_outage"},
      "deliver_notifications":false}' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -fsS -o /dev/null -X POST "$api/api/v1/admin/incidents/$incident/updates" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data '{"status":"identified","body":"A change at the mail provider prevents some connections."}'
  sleep 2
  echo "open incident $incident for the measurement"
fi

curl -fsS "$api/api/v2/summary.json" -o "$work/static/api/v2/summary.json"
# The same page both ways, fetched back to back (checked below: the gzip file must decode to the plain one).
curl -fsS "$web/" -D "$work/page.headers" -o "$work/static/index.html"
curl -fsS -H 'Accept-Encoding: gzip' "$web/" -o "$work/static/index.html.gz"
if ! gzip -dc "$work/static/index.html.gz" | cmp -s - "$work/static/index.html"; then
  echo "bench: the gzip page does not decode to the plain page (did the page change in between? run again)" >&2
  exit 1
fi
touch -r "$work/static/index.html" "$work/static/index.html.gz"
printf 'summary.json: %s bytes, page: %s bytes, gzip: %s bytes\n' "$(stat -c %s "$work/static/api/v2/summary.json")" \
  "$(stat -c %s "$work/static/index.html")" "$(stat -c %s "$work/static/index.html.gz")"
header() { grep -i "^$1:" "$work/page.headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }

cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { application/json json; text/html html; }
  charset utf-8;
  charset_types application/json;
  etag on;
  # A tuned nginx keeps the open files (and what gzip_static looked up) instead of opening them per request.
  open_file_cache max=64 inactive=60s;
  open_file_cache_valid 60s;
  # Nothing is compressed per request: a client that accepts gzip gets index.html.gz as it is on disk.
  gzip off;
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
    location = / {
      try_files /index.html =404;
      add_header Cache-Control "$(header Cache-Control)";
      add_header Vary "Accept-Language";
      add_header Content-Security-Policy "$(header Content-Security-Policy)";
      add_header X-Frame-Options "$(header X-Frame-Options)";
      add_header X-Content-Type-Options "$(header X-Content-Type-Options)";
      add_header Referrer-Policy "$(header Referrer-Policy)";
    }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/error.log"
sleep 0.5

# Both servers must answer each encoding as expected before their speed means anything.
check() { # label url expected-content-encoding curl-args...
  local label=$1 url=$2 expected=$3 got; shift 3
  got=$(curl -fsS -o /dev/null -D - "$@" "$url" | grep -i '^content-encoding:' | cut -d' ' -f2 | tr -d '\r' || true)
  [ "$got" = "$expected" ] || { echo "bench: $label sent Content-Encoding '$got', expected '$expected'" >&2; exit 1; }
}
check "herald page" "$web/" ""
check "nginx page" "http://127.0.0.1:$nginx_port/" ""
check "herald page gzip" "$web/" gzip -H 'Accept-Encoding: gzip'
check "nginx page gzip" "http://127.0.0.1:$nginx_port/" gzip -H 'Accept-Encoding: gzip'

measure() { # label url [wrk args]
  local label=$1 url=$2 out; shift 2
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" "$url")
  local rps p50 p90 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p90=$(awk '$1=="90%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")
  printf '%-28s %12s %10s %10s %10s  %s\n' "$label" "$rps" "$p50" "$p90" "$p99" "$errors"
  echo "$rps" >> "$work/$(tr ' /' '__' <<<"$label").rps"
}

rm -f "$work"/*.rps
echo
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$threads -c$connections -d$duration, on $(nproc) cores shared by wrk and the server"
printf '%-28s %12s %10s %10s %10s\n' target requests/s p50 p90 p99
measure "herald summary.json" "$api/api/v2/summary.json"
measure "nginx summary.json" "http://127.0.0.1:$nginx_port/api/v2/summary.json"
for _ in $(seq 1 "$rounds"); do
  measure "herald page" "$web/"
  measure "nginx page" "http://127.0.0.1:$nginx_port/"
  measure "herald page gzip" "$web/" -H 'Accept-Encoding: gzip'
  measure "nginx page gzip" "http://127.0.0.1:$nginx_port/" -H 'Accept-Encoding: gzip'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# With several rounds, the ratio is that of the medians.
median() { sort -g "$work/$1.rps" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "Herald/nginx requests/s: summary.json $(ratio herald_summary.json nginx_summary.json)," \
  "page $(ratio herald_page nginx_page), page gzip $(ratio herald_page_gzip nginx_page_gzip)"
