package io.herald.api.admin;

import java.util.Set;

/**
 * Who calls the admin API: an API token ("token:&lt;name&gt;") or an operator ("user:&lt;username&gt;").
 *
 * @param sessionId the operator session behind the call, or null for an API token
 */
public record Actor(String name, Set<String> scopes, Long sessionId) {
    public static final String REQUEST_PROPERTY = "herald.actor";

    /** The actor the admin filter put on this request. */
    public static Actor of(io.vertx.ext.web.RoutingContext routing) {
        Actor actor = routing.get(REQUEST_PROPERTY);
        if (actor == null) {
            throw new IllegalStateException("no actor on an admin request: is the endpoint marked @RequiresScope?");
        }
        return actor;
    }
}
