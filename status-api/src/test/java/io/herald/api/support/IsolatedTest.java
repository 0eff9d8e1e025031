package io.herald.api.support;

import io.herald.api.live.LiveStatusFeed;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of status-api's @QuarkusTest classes: before each class, the test prefix's Redis keys and the history
 * table are emptied and the in-memory snapshot re-reads the (now empty) status, so classes run in any order.
 */
@WithTestResource(value = CleanSlateResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IsolatedTest {

    @Inject
    protected RedisDataSource redis;

    @Inject
    protected LiveStatusFeed feed;

    @Inject
    protected io.herald.api.overlay.OverlayFeed overlay;

    protected EvaluatorWrites evaluator;

    @BeforeAll
    void cleanStores() {
        cleanSlate();
    }

    /** Empties Redis (test prefix) and every table, and makes the snapshot and its overlay read the emptiness. */
    protected void cleanSlate() {
        TestStores.deleteRedisKeys();
        TestStores.truncateAll();
        feed.resync().await().atMost(Duration.ofSeconds(5));
        overlay.refreshNow().await().atMost(Duration.ofSeconds(5));
        evaluator = new EvaluatorWrites(redis);
    }
}
