package io.herald.api.subscriber;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;

/**
 * Checks a webhook's host again before each delivery: a name accepted at sign-up may resolve to a private address
 * later (DNS rebinding, a record changed by its owner). The host is resolved off the event loop; the sender then
 * connects to the address checked here, so a second lookup cannot answer differently.
 */
@ApplicationScoped
public class DeliveryTargetGuard {
    private final Vertx vertx;

    public DeliveryTargetGuard(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Where one delivery may go: the address to connect to, or, when refusal is set, why it must not be sent. */
    public record Verdict(InetAddress address, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /** Resolves the URL's host; fails with UnknownHostException when it does not resolve (a retry may help). */
    public Uni<Verdict> check(String url, boolean allowPrivate) {
        String host = URI.create(url).getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return Uni.createFrom().completionStage(() -> vertx.<InetAddress[]>executeBlocking(
                        () -> InetAddress.getAllByName(bare), false).toCompletionStage())
                .map(addresses -> judge(addresses, allowPrivate));
    }

    /** Refused when any address is private (a receiver may be reached at any of them) and private targets are not allowed. */
    static Verdict judge(InetAddress[] addresses, boolean allowPrivate) {
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (TargetRules.isPrivate(address)) {
                    return new Verdict(null, "the receiver's host now resolves to a private address "
                            + address.getHostAddress()
                            + "; deliveries there are refused unless an operator allows private targets");
                }
            }
        }
        return new Verdict(addresses[0], null);
    }
}
