#!/usr/bin/env bash
# Webhooks accepted per second by ONE ingest-worker, 64 concurrent senders (wrk + a Lua script posting the generic
# JSON body with a unique de-duplication id each time, so every request takes the full path: bearer check, parse,
# Lua SET NX + XADD, 202), beside the raw XADD rate redis-benchmark reaches on the same Redis with 64 clients.
#
#   bench/ingest-webhooks.sh            packages ingest-worker if needed, runs, prints, cleans up
#   BENCH_DURATION=15s BENCH_CONNECTIONS=64 BENCH_THREADS=2 (defaults)
#
# The worker runs with its own port (18190), key prefix (herald-bench-ingest:) and catalog; the evaluator runs too,
# as in production (it applies the signals while they arrive).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
duration=${BENCH_DURATION:-15s}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
port=${BENCH_INGEST_PORT:-18190}
prefix=herald-bench-ingest:
work=$root/bench/target/ingest-webhooks
jar=$root/ingest-worker/target/quarkus-app/quarkus-run.jar
mkdir -p "$work"
for tool in wrk redis-benchmark redis-cli java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 1; }
done
[ -f "$jar" ] || mvn -B -o -q -pl ingest-worker package -DskipTests

clear_keys() { redis-cli --scan --pattern "${prefix}*" | xargs -r -n 500 redis-cli DEL >/dev/null; }
pid=
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  clear_keys
}
trap cleanup EXIT
clear_keys

token=bench-token-$RANDOM$RANDOM
cat > "$work/catalog.yaml" <<YAML
page: {id: bench, name: Webhook bench, url: "http://localhost:8080"}
services:
  - id: bench
    name: Bench
    components:
      - id: bench-target
        name: Webhook target
        checks:
          - {id: bench-monitor, type: webhook, source: bench, failures_to_down: 1000}
YAML
java -Xmx512m -Dquarkus.http.port="$port" -Dherald.catalog.path="$work/catalog.yaml" \
  -Dherald.redis.prefix="$prefix" \
  -Dherald.ingest.sources.bench.token-sha256="$(printf %s "$token" | sha256sum | cut -d' ' -f1)" \
  -Dquarkus.log.level=WARN -jar "$jar" > "$work/worker.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/worker.log"; exit 1; }
  sleep 0.5
done

cat > "$work/post.lua" <<LUA
-- Each connection posts the generic JSON body with its own, ever-new de-duplication id.
local counter = 0
local thread_id = 0
function setup(thread)
  thread:set("tid", tostring(math.random(1, 1e9)))
end
function init(args)
  thread_id = tid
end
function request()
  counter = counter + 1
  local body = '{"check":"bench-monitor","status":"' .. (counter % 2 == 0 and "up" or "down")
    .. '","detail":"bench delivery","id":"' .. thread_id .. "-" .. counter .. '"}'
  return wrk.format("POST", "/ingest/bench", {
    ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 202 and not shown then shown = true; io.stderr:write("first non-202 answer: " .. status .. " " .. body .. "\n") end
end
LUA

echo "== warm-up (5s)"
wrk -t"$threads" -c"$connections" -d5s -s "$work/post.lua" "http://127.0.0.1:$port" >/dev/null
before=$(redis-cli XLEN "${prefix}{status}:signals")
echo "== ingest-worker: POST /ingest/bench, $connections connections, $duration"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/post.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
after=$(redis-cli XLEN "${prefix}{status}:signals")
seconds=$(echo "$duration" | sed 's/s$//')
echo "signals appended during the run: $((after - before)) ($(( (after - before) / seconds ))/s)"
grep -q "Non-2xx" "$work/wrk.txt" && echo "WARNING: some answers were not 202" || echo "every answer was 202"

echo "== redis-benchmark: raw XADD on the same Redis, $connections clients"
redis-benchmark -q -c "$connections" -n 300000 XADD "${prefix}xadd-bench" MAXLEN '~' 1000000 '*' \
  id x source bench check bench-monitor outcome up detail "bench delivery" observed_at 2025-01-01T00:00:00Z \
  | tr '\r' '\n' | grep -v '^$' | tail -1

webhooks=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
echo "== result: ingest-worker accepted ${webhooks} webhooks/s (one worker, $connections senders)"
