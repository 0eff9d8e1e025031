package io.herald.api.latency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Latency samples and hourly percentiles (native SQL: percentile_cont has no entity shape). */
@ApplicationScoped
public class LatencyRepository {

    /** One sample to store. */
    public record Sample(String streamId, String checkId, Instant at, long latencyMs) {
    }

    /** One point of the latency endpoint. */
    public record Point(Instant at, double p50, double p95, double p99, long count) {
    }

    /** Stores samples; one already stored under its stream id is skipped. */
    public Uni<Void> store(List<Sample> samples) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Sample sample : samples) {
            chain = chain.flatMap(ignored -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "INSERT INTO latency_sample (stream_id, check_id, at, latency_ms) VALUES (?1, ?2, ?3, ?4) "
                                    + "ON CONFLICT (stream_id) DO NOTHING")
                    .setParameter(1, sample.streamId()).setParameter(2, sample.checkId())
                    .setParameter(3, sample.at()).setParameter(4, (int) Math.min(Integer.MAX_VALUE, sample.latencyMs()))
                    .executeUpdate())).replaceWithVoid();
        }
        return chain;
    }

    /** Recomputes the hourly percentiles of every hour from {@code from} (truncated to the hour) on. */
    public Uni<Integer> rollUp(Instant from) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO latency_hour (check_id, hour, p50, p95, p99, count) "
                                + "SELECT check_id, date_trunc('hour', at), "
                                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms), "
                                + "percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms), "
                                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms), count(*) "
                                + "FROM latency_sample WHERE at >= date_trunc('hour', CAST(?1 AS timestamptz)) "
                                + "GROUP BY 1, 2 ON CONFLICT (check_id, hour) DO UPDATE SET p50 = EXCLUDED.p50, "
                                + "p95 = EXCLUDED.p95, p99 = EXCLUDED.p99, count = EXCLUDED.count")
                .setParameter(1, from).executeUpdate());
    }

    /** Percentiles per bucket of {@code bucketSeconds} from the raw samples in [from, to). */
    public Uni<List<Point>> buckets(String checkId, Instant from, Instant to, int bucketSeconds) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT (floor(EXTRACT(EPOCH FROM at) / ?4) * ?4 * 1000)::bigint AS bucket, "
                                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms), "
                                + "percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms), "
                                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms), count(*) "
                                + "FROM latency_sample WHERE check_id = ?1 AND at >= ?2 AND at < ?3 "
                                + "GROUP BY 1 ORDER BY 1", Object[].class)
                .setParameter(1, checkId).setParameter(2, from).setParameter(3, to).setParameter(4, bucketSeconds)
                .getResultList()).map(LatencyRepository::points);
    }

    public Uni<List<Point>> hours(String checkId, Instant from, Instant to) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT (EXTRACT(EPOCH FROM hour) * 1000)::bigint, p50, p95, p99, count FROM latency_hour "
                                + "WHERE check_id = ?1 AND hour >= date_trunc('hour', CAST(?2 AS timestamptz)) AND hour < ?3 "
                                + "ORDER BY hour", Object[].class)
                .setParameter(1, checkId).setParameter(2, from).setParameter(3, to)
                .getResultList()).map(LatencyRepository::points);
    }

    public Uni<Integer> deleteSamplesBefore(Instant before) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("DELETE FROM latency_sample WHERE at < ?1")
                .setParameter(1, before).executeUpdate());
    }

    public Uni<Integer> deleteHoursBefore(Instant before) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("DELETE FROM latency_hour WHERE hour < ?1")
                .setParameter(1, before).executeUpdate());
    }

    private static List<Point> points(List<Object[]> rows) {
        return rows.stream().map(r -> new Point(Instant.ofEpochMilli(((Number) r[0]).longValue()),
                round(r[1]), round(r[2]), round(r[3]), ((Number) r[4]).longValue())).toList();
    }

    private static double round(Object value) {
        return Math.round(((Number) value).doubleValue() * 10.0) / 10.0;
    }
}
