#!/usr/bin/env bash
# One incident update to 10,000 webhook subscribers served by one local receiver (a Vert.x server in the JVM):
# the time until every delivery is stored as delivered, and the memory used. Needs the real PostgreSQL and Redis
# of the tests (bin/ensure-services); runs status-api's SubscribersBenchmark.
#
#   bench/subscribers.sh
#   BENCH_SUBSCRIBERS=20000 BENCH_PER_RECEIVER=64 BENCH_CONCURRENCY=256 bench/subscribers.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin/ensure-services
mkdir -p status-api/target
# -am builds the modules status-api depends on in the same reactor, so a fresh clone needs nothing installed first;
# MAVEN_OFFLINE=-o skips looking for updates once the dependencies are in the local repository.
mvn -B -q ${MAVEN_OFFLINE:-} -pl status-api -am verify -Dtest=SubscribersBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dherald.bench=true -Dherald.bench.subscribers="${BENCH_SUBSCRIBERS:-10000}" \
  -Dherald.bench.per-receiver="${BENCH_PER_RECEIVER:-64}" -Dherald.bench.concurrency="${BENCH_CONCURRENCY:-256}" \
  > status-api/target/bench-subscribers.log 2>&1 || { tail -50 status-api/target/bench-subscribers.log; exit 1; }
cat status-api/target/bench-subscribers.txt
