package io.herald.ingest.heartbeat;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.signal.SignalLog;
import io.herald.ingest.webhook.auth.AuthResult;
import io.herald.model.Signal;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.Fields;
import io.herald.model.catalog.options.WebhookOptions;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A beat of a heartbeat check becomes one signal (source {@value #SOURCE}, a fresh id, observed now): the check must
 * be a heartbeat, the beat must carry its token, and what it says must read (see {@link BeatReport}).
 */
@Singleton
public class HeartbeatService {
    static final String SOURCE = "heartbeat";

    private final HeartbeatChecks heartbeats;
    private final Catalog catalog;
    private final SignalLog signals;
    private final IngestConfig config;
    private final Clock clock = Clock.systemUTC();

    public HeartbeatService(HeartbeatChecks heartbeats, Catalog catalog, SignalLog signals, IngestConfig config) {
        this.heartbeats = heartbeats;
        this.catalog = catalog;
        this.signals = signals;
        this.config = config;
    }

    /**
     * The signal this beat records.
     *
     * @throws ProblemException 404 for no such check, 409 for a check of another type, 401 without its token, and
     *                          {@link BeatReport}'s answers for what the beat says
     */
    public Signal read(String checkId, Map<String, String> headers, String status, String msg, byte[] body) {
        HeartbeatChecks.Heartbeat heartbeat = heartbeats.find(checkId).orElseThrow(() -> notAHeartbeat(checkId));
        AuthResult auth = heartbeat.auth().verify(body, headers);
        if (!auth.ok()) {
            Log.debugf("Heartbeat of '%s' refused: %s", checkId, auth.reason());
            throw new ProblemException(Problem.ofStatus(401, "The heartbeat is not authorized with the token "
                    + "configured for this check."), Map.of("WWW-Authenticate", "Bearer realm=\"herald-ingest\""));
        }
        BeatReport report = BeatReport.read(status, msg, body, config.heartbeat().maxDetail());
        return new Signal(UUID.randomUUID().toString(), SOURCE, heartbeat.check().id(), report.outcome(), null,
                report.detail(), clock.instant());
    }

    /** Appends the signal; the answer is sent only once it is in the stream. */
    public Uni<HeartbeatAccepted> record(Signal signal) {
        Instant acceptedAt = signal.observedAt();
        return signals.append(signal).map(entry -> new HeartbeatAccepted(signal.check(), signal.outcome().wire(),
                acceptedAt, entry));
    }

    private ProblemException notAHeartbeat(String checkId) {
        CheckDef check = catalog.check(checkId).orElse(null);
        if (check == null) {
            // The path is the sender's text: quote it only when it could be an id.
            return ProblemException.notFound(Fields.isId(checkId) ? "There is no check '" + checkId
                    + "' in the catalog." : "There is no such check in the catalog.");
        }
        String how = check.options() instanceof WebhookOptions hook
                ? "a webhook check; it takes signals from POST /ingest/" + hook.source()
                : "a " + check.type().wire() + " check run by Herald itself";
        return ProblemException.conflict("Check '" + checkId + "' is " + how + ", not a heartbeat; only a check of "
                + "type heartbeat takes beats.");
    }
}
