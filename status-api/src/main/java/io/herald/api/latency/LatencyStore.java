package io.herald.api.latency;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Transactions and sessions around {@link LatencyRepository}. */
@ApplicationScoped
public class LatencyStore {
    private final LatencyRepository repository;

    public LatencyStore(LatencyRepository repository) {
        this.repository = repository;
    }

    @WithTransaction
    public Uni<Void> store(List<LatencyRepository.Sample> samples) {
        return repository.store(samples);
    }

    @WithTransaction
    public Uni<Integer> rollUp(Instant from) {
        return repository.rollUp(from);
    }

    @WithSession
    public Uni<List<LatencyRepository.Point>> buckets(String checkId, Instant from, Instant to, int bucketSeconds) {
        return repository.buckets(checkId, from, to, bucketSeconds);
    }

    @WithSession
    public Uni<List<LatencyRepository.Point>> hours(String checkId, Instant from, Instant to) {
        return repository.hours(checkId, from, to);
    }

    @WithTransaction
    public Uni<Void> purge(Instant samplesBefore, Instant hoursBefore) {
        return repository.deleteSamplesBefore(samplesBefore)
                .flatMap(ignored -> repository.deleteHoursBefore(hoursBefore)).replaceWithVoid();
    }
}
