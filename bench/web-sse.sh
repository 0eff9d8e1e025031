#!/usr/bin/env bash
# status-web's live channel under load: 5,000 concurrent EventSource connections on one status-web, and the time
# for one status change to reach all of them (p50, p99, max), over several changes.
#
#   bench/web-sse.sh                      package status-web if needed, run it against a fake status-api, measure
#   BENCH_CONNECTIONS=5000 BENCH_ROUNDS=5 (defaults)
#   BENCH_WEB_APP=dir                     measure another build (a copy of status-web/target/quarkus-app), e.g. before a change
#
# The fake status-api lives in the same Node process as the 5,000 clients (bench/web-sse/fanout.mjs), so "change
# sent upstream" and "view received by a browser connection" are read on one clock. Node 20, no npm package.
# What is timed: status-web applying the change to the status it holds (no GET), encoding the view once per language and writing
# that one frame to every connection (one task per event loop), then Node reading 5,000 sockets. Also printed:
# status-web's CPU time per change (all its threads) and the load average, since on a shared 2-core machine the
# wall-clock figures mostly follow the load; compare builds by running them alternately (BENCH_WEB_APP).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
connections=${BENCH_CONNECTIONS:-5000}
rounds=${BENCH_ROUNDS:-5}
work=$root/bench/target/web-sse
mkdir -p "$work"
jar=${BENCH_WEB_APP:-$root/status-web/target/quarkus-app}/quarkus-run.jar
if [ -z "${BENCH_WEB_APP:-}" ] && [ ! -f "$jar" ]; then
  mvn -B -q -o -pl status-web package -DskipTests
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
api_port=$(free_port)
web_port=$(free_port)

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

java -Xmx512m -Dquarkus.http.port="$web_port" -Dherald.web.api-url="http://127.0.0.1:$api_port" \
  -Dherald.web.catalog-path=/nonexistent -Dherald.web.heartbeat-interval=15s \
  -jar "$jar" > "$work/status-web.log" 2>&1 &
pids+=($!)

web_pid=$!

echo "bench: status-web on $web_port, fake status-api on $api_port, $connections connections, $rounds changes"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
FAKE_API_PORT=$api_port WEB_URL="http://127.0.0.1:$web_port" CONNECTIONS=$connections ROUNDS=$rounds WEB_PID=$web_pid \
  node "$root/bench/web-sse/fanout.mjs" run
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
