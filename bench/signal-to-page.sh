#!/usr/bin/env bash
# From a monitor's webhook to the page: 1,000 status changes posted one at a time to ingest-worker, each timed from
# its 202 to the moment it shows on status-api's SSE stream (/api/v1/stream), in summary.json (polled with
# If-None-Match) and on status-web's /events (the `view` frame browsers get). Prints p50, p99 and max for each, the
# load average before and after, and whether the goal (p99 <= 250 ms on all three) is met.
#
#   bench/signal-to-page.sh        starts its own packaged stack (bin/run), measures, stops it and cleans up
#   BENCH_CHANGES=1000 BENCH_WARMUP=10 (changes before the measured ones, not counted) BENCH_TIMEOUT_MS=5000 (abort
#   when a change is not seen everywhere by then) BENCH_POLL_MS=2 (pause between summary.json polls, one in flight)
#   BENCH_PAUSE_MS=50 (pause after each change was seen everywhere)
#
# The stack is bin/run's, with free loopback ports, a database of its own (created by bin/run, dropped at exit), a
# Redis prefix of its own (its keys deleted at exit) and a bench catalog: one service, one component, one generic-JSON
# webhook check of source `demo` (failures_to_down 1, successes_to_up 1), so each signal is a change. The flapping
# hold is kept off (more than a million changes within a second would be flapping; the short window also keeps the
# check's memory of changes small). It runs what was last packaged (HERALD_SKIP_BUILD=1) when the three services are
# built, else bin/run builds them. The webhooks, the three readers and the clock are one Node 20 process
# (bench/signal-to-page/changes.mjs, no npm package). Each change is posted only once the previous one showed on all
# three, alternately down and up, with an id never used before; a change a reader saw before the 202 arrived counts
# 0 ms (counted in the output). The machine is shared: the figures follow its load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$root/bench/target/signal-to-page
mkdir -p "$work"
for tool in node curl redis-cli psql python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 1; }
done

read -r web_port api_port ingest_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')
run_id=$$-$RANDOM
db=herald_bench_s2p_${run_id//-/_}
prefix=herald-bench-s2p-$run_id:
if psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$db'" 2>/dev/null | grep -q 1; then
  echo "bench: database $db exists already; not touching it" >&2
  exit 1
fi

cat > "$work/catalog.yaml" <<YAML
page: {id: bench, name: Signal to page bench, url: "http://127.0.0.1:$web_port", time_zone: Europe/Paris}
services:
  - id: bench
    name: Bench
    components:
      - id: bench-component
        name: Bench component
        checks:
          - {id: bench-monitor, name: Bench monitor, type: webhook, source: demo, failures_to_down: 1, successes_to_up: 1}
YAML

stack=
reader=
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -n "$reader" ] && kill -TERM "$reader" 2>/dev/null || true
  if [ -n "$stack" ]; then
    # TERM, not INT: a background job started by a script ignores SIGINT. bin/run stops its services and waits.
    kill -TERM "$stack" 2>/dev/null || true
    wait "$stack" 2>/dev/null || true
  fi
  redis-cli --scan --pattern "${prefix}*" | xargs -r -d '\n' -n 500 redis-cli DEL >/dev/null || true
  if [ -n "$stack" ]; then
    dropdb -h 127.0.0.1 -U postgres --if-exists --force "$db" || echo "bench: could not drop database $db" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

skip_build=1
for name in status-api ingest-worker status-web; do
  [ -f "$name/target/quarkus-app/quarkus-run.jar" ] || skip_build=
done
echo "bench: stack on web $web_port, api $api_port, ingest $ingest_port; database $db, Redis prefix $prefix"
HERALD_WEB_PORT=$web_port HERALD_API_PORT=$api_port HERALD_INGEST_PORT=$ingest_port HERALD_DB_NAME=$db \
  HERALD_REDIS_PREFIX=$prefix HERALD_CATALOG_PATH=$work/catalog.yaml HERALD_SKIP_BUILD=${HERALD_SKIP_BUILD:-$skip_build} \
  HERALD_EVALUATOR_FLAPPING_MAX_CHANGES=1000000 HERALD_EVALUATOR_FLAPPING_WINDOW=1s \
  bin/run > "$work/stack.log" 2>&1 &
stack=$!
for _ in $(seq 1 1200); do
  grep -q "Herald is running" "$work/stack.log" 2>/dev/null && break
  if ! kill -0 "$stack" 2>/dev/null; then
    cat "$work/stack.log" >&2
    stack=
    echo "bench: bin/run stopped before the stack was up (service logs in .herald/logs/)" >&2
    exit 1
  fi
  sleep 0.5
done
grep -q "Herald is running" "$work/stack.log" || { echo "bench: the stack was not up after 10 minutes" >&2; exit 1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
INGEST_URL=http://127.0.0.1:$ingest_port API_URL=http://127.0.0.1:$api_port WEB_URL=http://127.0.0.1:$web_port \
  TOKEN=$(tr -d '\n' < .herald/demo-token) SOURCE=demo CHECK=bench-monitor COMPONENT=bench-component \
  CHANGES=${BENCH_CHANGES:-1000} WARMUP=${BENCH_WARMUP:-10} TIMEOUT_MS=${BENCH_TIMEOUT_MS:-5000} \
  POLL_MS=${BENCH_POLL_MS:-2} PAUSE_MS=${BENCH_PAUSE_MS:-50} NONCE=$run_id \
  node "$root/bench/signal-to-page/changes.mjs" &
# In the background, so that a TERM or Ctrl-C reaches the trap at once (and the trap stops the Node process).
reader=$!
wait "$reader" || rc=$?
reader=
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "${rc:-0}"
