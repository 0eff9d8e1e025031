package io.herald.api.subscriber;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** Hibernate Reactive needs a safe, duplicated Vert.x context; timer and HTTP client callbacks do not run on one. */
final class SafeContext {

    private SafeContext() {
    }

    static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(
                ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
