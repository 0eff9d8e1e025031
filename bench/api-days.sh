#!/usr/bin/env bash
# p99 of the page's 90-day bars (GET /api/v1/uptime/days?days=90) with 100 components and a year of history.
#
#   bench/api-days.sh                     package status-api if needed, generate, start it, measure, stop
#   BENCH_DURATION=20s BENCH_CONNECTIONS=16 BENCH_THREADS=2 (defaults)
#   BENCH_API_PORT=18181 (default)
#
# The history lives in its own database, herald_bench (dropped and created again), with its own Redis prefix, so
# nothing of a running page is touched. Measured: the cached body as shipped (herald.api.uptime.cache-ttl, 30 s), gzip
# and identity; the cold computation itself, one request at a time; and serving while recomputing continuously
# (TTL 0); and nginx serving the same bytes as the baseline. Goal: p99 < 20 ms.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
duration=${BENCH_DURATION:-20s}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-2}
port=${BENCH_API_PORT:-18181}
nginx_port=${BENCH_NGINX_PORT:-18191}
db=herald_bench
work=$root/bench/target/api-days
mkdir -p "$work"
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

command -v wrk >/dev/null && command -v nginx >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk nginx-light </dev/null >/dev/null
}
jar=status-api/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || mvn -B -q -o -pl status-api package -DskipTests

# 10 services of 10 components, one webhook check each.
catalog=$work/catalog.yaml
{
  printf 'page:\n  id: bench\n  name: Herald bench\n  url: http://localhost\n  time_zone: Europe/Paris\nservices:\n'
  for s in $(seq 1 10); do
    printf '  - id: s%s\n    name: Service %s\n    components:\n' "$s" "$s"
    for c in $(seq 1 10); do
      printf '      - id: c%s-%s\n        name: Component %s.%s\n        checks:\n' "$s" "$c" "$s" "$c"
      printf '          - id: k%s-%s\n            type: webhook\n            source: bench\n' "$s" "$c"
    done
  done
} > "$catalog"

psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

pid=
cleanup() {
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
}
trap cleanup EXIT

start() {
  java -Dquarkus.http.port="$port" -Dherald.catalog.path="$catalog" -Dherald.redis.prefix=herald-bench: \
    -Dherald.api.consumer=bench -Dquarkus.log.level=WARN \
    -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/$db \
    -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$db "$@" -jar "$jar" > "$work/api.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$work/api.log"; exit 1; }
    sleep 0.5
  done
  echo "status-api did not get ready"; cat "$work/api.log"; exit 1
}
stop() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

# First start migrates the schema; then a year of history is written the way status-api keeps it: four changes a
# day per component (status_change), the per-day totals (uptime_day), the open interval (uptime_cursor) and an
# incident a week on some components.
start
echo "generating a year of history for 100 components..."
psql -d $db <<'SQL'
INSERT INTO status_change (stream_id, component_id, from_status, to_status, changed_at, cause, detail)
SELECT d.n || '-' || c.s || '-' || c.k || '-' || x.i, 'c' || c.s || '-' || c.k,
       CASE WHEN x.i % 2 = 0 THEN 'operational' ELSE 'partial_outage' END,
       CASE WHEN x.i % 2 = 0 THEN 'partial_outage' ELSE 'operational' END,
       date_trunc('day', now()) - make_interval(days => d.n) + make_interval(hours => x.i * 5),
       'k' || c.s || '-' || c.k, 'bench'
FROM generate_series(1, 365) d(n), generate_series(1, 10) c1(s) CROSS JOIN LATERAL
     (SELECT c1.s AS s, k FROM generate_series(1, 10) k) c, generate_series(1, 4) x(i);
INSERT INTO uptime_day (component_id, day, operational_ms, degraded_ms, partial_ms, major_ms, maintenance_ms)
SELECT 'c' || s || '-' || k, (now() - make_interval(days => d))::date,
       86400000 - (d * k % 7) * 600000, (d % 3) * 60000, (d * k % 7) * 600000, 0, 0
FROM generate_series(1, 365) d, generate_series(1, 10) s, generate_series(1, 10) k;
INSERT INTO uptime_cursor (component_id, status, since)
SELECT 'c' || s || '-' || k, 'operational', date_trunc('day', now())
FROM generate_series(1, 10) s, generate_series(1, 10) k;
INSERT INTO incident (kind, name, status, impact, automatic, created_at, updated_at, started_at, resolved_at,
                      update_count)
SELECT 'incident', 'Component ' || (w % 10 + 1) || '.1: some users cannot connect', 'resolved', 'major', TRUE,
       now() - make_interval(days => w * 7), now() - make_interval(days => w * 7),
       now() - make_interval(days => w * 7), now() - make_interval(days => w * 7) + interval '2 hours', 1
FROM generate_series(1, 52) w;
INSERT INTO incident_component (incident_id, component_id, status)
SELECT id, 'c' || (id % 10 + 1) || '-1', 'operational' FROM incident;
ANALYZE;
SQL
psql -d $db -t -c "SELECT 'rows: status_change ' || (SELECT count(*) FROM status_change) || ', uptime_day ' ||
  (SELECT count(*) FROM uptime_day) || ', incident ' || (SELECT count(*) FROM incident)"

url="http://127.0.0.1:$port/api/v1/uptime/days?days=90"
# Browsers, CDNs and status-web's client send Accept-Encoding: gzip; the plain body is measured too.
measure() { # label, file suffix, connections, extra wrk args...
  local label=$1 name=$2 conns=$3; shift 3
  local t=$threads; [ "$conns" -lt "$t" ] && t=$conns
  wrk -t"$t" -c"$conns" -d"$duration" --latency "$@" "$url" > "$work/wrk-$name.txt"
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk-$name.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$name.txt")
  printf '%-46s p50 %-9s p99 %-9s %8s req/s  (wrk -t%s -c%s -d%s)\n' "$label" "$p50" "$p99" "$rps" "$t" \
    "$conns" "$duration"
}
# Warm-up (class loading, JIT) before anything is measured: both encodings under the same load as measured.
for _ in $(seq 1 30); do curl -fsS -H 'Accept-Encoding: gzip' "$url" -o /dev/null; done
wrk -t"$threads" -c"$connections" -d5s -H 'Accept-Encoding: gzip' "$url" >/dev/null
wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null
curl -fsS "$url" -o "$work/days.json"
curl -fsS -H 'Accept-Encoding: gzip' "$url" -o "$work/days.json.gz"
printf 'body: %s bytes, %s gzipped, %s components x 90 days\n' "$(stat -c %s "$work/days.json")" \
  "$(stat -c %s "$work/days.json.gz")" "$(grep -o '"group_id"' "$work/days.json" | wc -l)"
printf 'machine load before measuring: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
measure "cached, gzip (as shipped)" cached-gzip "$connections" -H 'Accept-Encoding: gzip'
measure "cached, identity" cached "$connections"

# The baseline: nginx serving the very same bytes (gzip and identity) as static files, same wrk, same machine.
mkdir -p "$work/nginx/static"
cp "$work/days.json" "$work/nginx/static/days.json"
cp "$work/days.json.gz" "$work/nginx/static/days.json.gz"
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
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/static;
    location = /days.json.gz { add_header Content-Encoding gzip; add_header Vary Accept-Encoding; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/error.log"
sleep 0.5
herald_url=$url
url="http://127.0.0.1:$nginx_port/days.json.gz"
measure "nginx, same gzip bytes" nginx-gzip "$connections" -H 'Accept-Encoding: gzip'
url="http://127.0.0.1:$nginx_port/days.json"
measure "nginx, same identity bytes" nginx "$connections"
url=$herald_url
kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true

# The other reads over the same year of history: a component's uptime over the longest window (whole days, kept
# like the bars until a change or the TTL) and over an exact window (replayed from the changes per request), and a
# month of its status timeline (per request).
for target in "uptime-365d /api/v1/components/c5-5/uptime?window=365d" "uptime-7d /api/v1/components/c5-5/uptime?window=7d" \
    "history-30d /api/v1/components/c5-5/history?from=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)&to=$(date -u +%Y-%m-%dT%H:%M:%SZ)"; do
  name=${target%% *}
  url="http://127.0.0.1:$port${target#* }"
  curl -fsS -o "$work/$name.json" "$url"
  wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null
  measure "$name ($(stat -c %s "$work/$name.json") bytes)" "$name" "$connections"
done
url=$herald_url

# The computation itself: every size of window is its own cache entry, so the first request of each size reads
# PostgreSQL and builds the body while the client waits (days=60..89, 30 cold computations, one at a time).
for days in $(seq 60 89); do
  curl -fsS -o /dev/null -w '%{time_total}\n' -H 'Accept-Encoding: gzip' \
    "http://127.0.0.1:$port/api/v1/uptime/days?days=$days"
done | sort -n > "$work/compute.txt"
printf '%-46s p50 %-9s max %s (30 cold computations, seconds)\n' "uncached compute, one at a time" \
  "$(sed -n 15p "$work/compute.txt")" "$(tail -1 "$work/compute.txt")"

# Recomputing all the time (cache TTL 0): readers get the last body while the next one is computed.
stop
start -Dherald.api.uptime.cache-ttl=0s
for _ in $(seq 1 30); do curl -fsS -H 'Accept-Encoding: gzip' "$url" -o /dev/null; done
measure "recomputing continuously (TTL 0), gzip" recompute "$connections" -H 'Accept-Encoding: gzip'

