#!/usr/bin/env bash
# Probe capacity of ONE ingest-worker: 10,000 HTTP checks at a 30 s interval against a local nginx, with the
# evaluator applying every result. Prints the worker's CPU (share of one core) and memory (RSS, heap) over a
# measured window after a warm-up, and the probe rate reached against the rate the catalog asks for.
#
#   bench/ingest-probes.sh                         packages ingest-worker if needed, runs ~3 minutes, cleans up
#   BENCH_CHECKS=10000 BENCH_INTERVAL=30 BENCH_WARMUP=60 BENCH_WINDOW=90 (defaults)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
checks=${BENCH_CHECKS:-10000}
interval=${BENCH_INTERVAL:-30}
warmup=${BENCH_WARMUP:-60}
window=${BENCH_WINDOW:-90}
port=${BENCH_INGEST_PORT:-18191}
nginx_port=${BENCH_NGINX_PORT:-18192}
prefix=herald-bench-probes:
work=$root/bench/target/ingest-probes
jar=$root/ingest-worker/target/quarkus-app/quarkus-run.jar
mkdir -p "$work/static" "$work/nginx"
for tool in nginx redis-cli java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 1; }
done
[ -f "$jar" ] || mvn -B -o -q -pl ingest-worker package -DskipTests

clear_keys() { redis-cli --scan --pattern "${prefix}*" | xargs -r -n 500 redis-cli DEL >/dev/null; }
pid=
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  clear_keys
}
trap cleanup EXIT
clear_keys

printf 'OK\n' > "$work/static/health"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf"

# 10,000 checks in components of 10, each its own URL on the same nginx.
{
  echo 'page: {id: probe-bench, name: Probe bench, url: "http://localhost:8080"}'
  echo 'services:'
  echo '  - id: fleet'
  echo '    name: Fleet'
  echo '    components:'
  for c in $(seq 0 $(( (checks - 1) / 10 ))); do
    echo "      - id: c$c"
    echo "        name: Component $c"
    echo "        checks:"
    for k in $(seq 0 9); do
      n=$((c * 10 + k))
      [ "$n" -lt "$checks" ] || break
      echo "          - {id: h$n, type: http, url: \"http://127.0.0.1:$nginx_port/health?n=$n\", interval: ${interval}s, timeout: 5s, body_contains: OK}"
    done
  done
} > "$work/catalog.yaml"

java -Xmx512m -Dquarkus.http.port="$port" -Dherald.catalog.path="$work/catalog.yaml" \
  -Dherald.redis.prefix="$prefix" -Dquarkus.log.level=WARN -jar "$jar" > "$work/worker.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/worker.log"; exit 1; }
  sleep 0.5
done
echo "== $checks http checks every ${interval}s against nginx; warm-up ${warmup}s, then measuring ${window}s"
sleep "$warmup"

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
c0=$(cpu); s0=$(redis-cli XLEN "${prefix}{status}:signals"); t0=$(date +%s.%N)
sleep "$window"
c1=$(cpu); s1=$(redis-cli XLEN "${prefix}{status}:signals"); t1=$(date +%s.%N)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|total/ {print; exit}' || true)
elapsed=$(echo "$t1 - $t0" | bc -l)
cpu_share=$(echo "($c1 - $c0) / $ticks / $elapsed * 100" | bc -l)
rate=$(echo "($s1 - $s0) / $elapsed" | bc -l)
wanted=$(echo "$checks / $interval" | bc -l)
down=$(redis-cli --raw XREVRANGE "${prefix}{status}:signals" + - COUNT 2000 | grep -c '^down$' || true)
printf 'probes run: %.0f/s (the catalog asks for %.0f/s)\n' "$rate" "$wanted"
printf 'worker CPU: %.1f%% of one core (user+system, %s cores on this machine)\n' "$cpu_share" "$(nproc)"
printf 'worker memory: RSS %d MiB (-Xmx512m)%s\n' $((rss_kb / 1024)) "${heap:+; heap: $heap}"
printf 'down results among the last 2000 signals: %s\n' "$down"
