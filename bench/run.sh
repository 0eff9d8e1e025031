#!/usr/bin/env bash
# Herald's hot read paths under load, beside nginx serving the very same bytes as static files.
#
#   bench/run.sh                 build, start the stack (bin/run), measure, stop
#   BENCH_REUSE=1 bench/run.sh   measure a stack that is already running on the default ports
#   BENCH_DURATION=15s BENCH_CONNECTIONS=64 BENCH_THREADS=2 (defaults)
#
# Prints requests/s and latency percentiles (wrk --latency) for each target and the Herald/nginx ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
duration=${BENCH_DURATION:-15s}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
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
curl -fsS "$web/" -o "$work/static/index.html"
printf 'summary.json: %s bytes, page: %s bytes\n' "$(stat -c %s "$work/static/api/v2/summary.json")" \
  "$(stat -c %s "$work/static/index.html")"

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
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
    etag on;
    location = / { try_files /index.html =404; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/error.log"
sleep 0.5

measure() { # label url
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$2")
  local rps p50 p90 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p90=$(awk '$1=="90%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")
  printf '%-28s %12s %10s %10s %10s  %s\n' "$1" "$rps" "$p50" "$p90" "$p99" "$errors"
  echo "$rps" > "$work/$(tr ' /' '__' <<<"$1").rps"
}

echo
echo "wrk -t$threads -c$connections -d$duration, on $(nproc) cores shared by wrk and the server"
printf '%-28s %12s %10s %10s %10s\n' target requests/s p50 p90 p99
measure "herald summary.json" "$api/api/v2/summary.json"
measure "nginx summary.json" "http://127.0.0.1:$nginx_port/api/v2/summary.json"
measure "herald page" "$web/"
measure "nginx page" "http://127.0.0.1:$nginx_port/"

ratio() { awk -v a="$(cat "$work/$1.rps")" -v b="$(cat "$work/$2.rps")" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "Herald/nginx requests/s: summary.json $(ratio herald_summary.json nginx_summary.json), page $(ratio herald_page nginx_page)"
