package io.herald.ingest.problem;

import io.herald.http.MalformedBody;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** A chunked body Netty cannot decode is answered 400 in words (herald-http's MalformedBody), not by a bare close. */
@Singleton
public class MalformedBodyRoute {

    void install(@Observes Router router) {
        MalformedBody.install(router);
    }
}
