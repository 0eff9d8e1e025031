#!/usr/bin/env bash
# Webhooks accepted per second by ONE ingest-worker, 64 concurrent senders (wrk + a Lua script posting the generic
# JSON body with a unique de-duplication id each time, so every request takes the full path: bearer check, parse,
# Lua SET NX + XADD, 202), beside the raw XADD rate redis-benchmark reaches on the same Redis with 64 clients.
# The ids are unique across the warm-up and the run (a nonce per wrk run, the thread's index, its counter), and the
# requests are counted: sent and answered (202, duplicates among them, others) by the Lua script, beside the signals
# appended with the run's ids (their de-duplication keys, counted once the stream stopped growing). Every request sent
# must be one signal appended, apart from the non-202 answers (an id missing is named); the rate printed is signals
# appended per second of the run.
#
#   bench/ingest-webhooks.sh            packages ingest-worker if needed, runs, prints, cleans up
#   BENCH_DURATION=15s BENCH_CONNECTIONS=64 BENCH_THREADS=2 (defaults)
#
# The worker runs with its own port (18190), key prefix (herald-bench-ingest:) and catalog; the evaluator runs too,
# as in production (it applies the signals while they arrive). The load average is printed before and after: the
# machine may be shared.
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
  -Dherald.redis.prefix="$prefix" -Dherald.ingest.signals-max-len=100000000 \
  -Dherald.ingest.sources.bench.token-sha256="$(printf %s "$token" | sha256sum | cut -d' ' -f1)" \
  -Dquarkus.log.level=WARN -jar "$jar" > "$work/worker.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/worker.log"; exit 1; }
  sleep 0.5
done

cat > "$work/post.lua" <<LUA
-- Each request posts the generic JSON body with an id used by no other request of this worker: the wrk run's nonce
-- (given after --), the thread's index (given in setup) and the thread's own counter. Every thread counts what it
-- sent and what came back; done() adds the threads up.
local threads = {}
index, nonce = 0, "verify"
sent, answered, accepted, duplicates, other = 0, 0, 0, 0, 0
function setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end
function init(args)
  nonce = args[1]
  if nonce == nil or nonce == "" then error("give the run's nonce after --") end
  -- wrk calls request() once on its first thread to check the script (script_verify_request) and never sends it.
  probe = index == 1
end
function request()
  if probe then
    probe = false
    return wrk.format("POST", "/ingest/bench", {}, "")
  end
  sent = sent + 1
  local body = '{"check":"bench-monitor","status":"' .. (sent % 2 == 0 and "up" or "down")
    .. '","detail":"bench delivery","id":"' .. nonce .. "-" .. index .. "-" .. sent .. '"}'
  return wrk.format("POST", "/ingest/bench", {
    ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
function response(status, headers, body)
  answered = answered + 1
  if status == 202 then
    accepted = accepted + 1
    if string.find(body, '"duplicate":true', 1, true) then duplicates = duplicates + 1 end
  else
    other = other + 1
    if other == 1 then io.stderr:write("first non-202 answer: " .. status .. " " .. body .. "\n") end
  end
end
function done(summary, latency, requests)
  local total = {sent = 0, answered = 0, accepted = 0, duplicates = 0, other = 0}
  for i, thread in ipairs(threads) do
    for name in pairs(total) do total[name] = total[name] + thread:get(name) end
    io.write(string.format("lua thread %d: sent %d\n", i, thread:get("sent")))
  end
  io.write(string.format("lua counts: sent %d answered %d accepted %d duplicates %d other %d\n", total.sent,
    total.answered, total.accepted, total.duplicates, total.other))
end
LUA

# The signals stream's length once it has stopped growing: requests still in flight when wrk stopped are appended
# (or not) after it exits.
settled_xlen() {
  local last now
  last=$(redis-cli XLEN "${prefix}{status}:signals")
  for _ in $(seq 1 50); do
    sleep 0.3
    now=$(redis-cli XLEN "${prefix}{status}:signals")
    [ "$now" = "$last" ] && break
    last=$now
  done
  echo "$last"
}
lua_count() { # name file
  sed -n "s/.*lua counts:.* $1 \([0-9]*\).*/\1/p" "$2"
}

nonce=$(date +%s)-$$-$RANDOM
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up (5s)"
wrk -t"$threads" -c"$connections" -d5s -s "$work/post.lua" "http://127.0.0.1:$port" -- "$nonce-warmup" > "$work/warmup.txt"
before=$(settled_xlen)
echo "== ingest-worker: POST /ingest/bench, $connections connections, $duration"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/post.lua" "http://127.0.0.1:$port" -- "$nonce-run" \
  | tee "$work/wrk.txt"
after=$(settled_xlen)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
completed=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
seconds=$(awk '/requests in/ {sub(/s,$/, "", $4); print $4}' "$work/wrk.txt")
sent=$(lua_count sent "$work/wrk.txt")
accepted=$(lua_count accepted "$work/wrk.txt")
duplicates=$(lua_count duplicates "$work/wrk.txt")
other=$(lua_count other "$work/wrk.txt")
[ -n "$sent" ] && [ -n "$completed" ] || { echo "bench: wrk printed no counts (see $work/wrk.txt)" >&2; exit 1; }
# The signals appended with this run's ids: one de-duplication key each (set in the script that appends the signal).
redis-cli --scan --pattern "${prefix}{status}:dedupe:bench:$nonce-run-*" \
  | sed "s/.*:$nonce-run-//; s/-/ /" > "$work/appended-ids.txt"
appended=$(wc -l < "$work/appended-ids.txt")
echo "requests sent: $sent (wrk counted $completed complete answers: $((sent - completed)) were in flight when it stopped)"
echo "answers: $accepted 202 ($duplicates of them duplicates), $other other"
echo "signals appended with the run's ids: $appended (the stream grew by $((after - before)))"
difference=$((sent - other - appended))
echo "sent - other answers - appended = $difference (0 when every request sent was appended once)"
if [ "$difference" -ne 0 ]; then
  # Which ids are missing, and how far each is from its thread's last request (the last ones were in flight).
  awk -v nonce="$nonce-run" 'FNR == NR { if (/^lua thread/) { sub(":", "", $3); last[$3] = $5 }; next }
    { seen[$1 " " $2] = 1 }
    END { for (t in last) for (n = 1; n <= last[t]; n++) if (!((t " " n) in seen)) {
      missing++; if (missing <= 10) printf "  not appended: id %s-%s-%s (%d before its thread'"'"'s last request)\n", nonce, t, n, last[t] - n }
      if (missing > 10) printf "  ... %d in all\n", missing }' "$work/wrk.txt" "$work/appended-ids.txt"
fi
if [ "$duplicates" -ne 0 ] || [ "$difference" -ne 0 ]; then
  echo "WARNING: requests and signals appended do not match"
fi
[ "$other" -eq 0 ] && echo "every answer was 202" || echo "WARNING: $other answers were not 202"

echo "== redis-benchmark: raw XADD on the same Redis, $connections clients"
redis-benchmark -q -c "$connections" -n 300000 XADD "${prefix}xadd-bench" MAXLEN '~' 1000000 '*' \
  id x source bench check bench-monitor outcome up detail "bench delivery" observed_at 2025-01-01T00:00:00Z \
  | tr '\r' '\n' | grep -v '^$' | tail -1

echo "== result: ingest-worker appended $(awk -v n="$appended" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') webhooks/s" \
  "($appended signals in ${seconds}s, one worker, $connections senders; wrk's own figure: $(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt") answers/s)"
