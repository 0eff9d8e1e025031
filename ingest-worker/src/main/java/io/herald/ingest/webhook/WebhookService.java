package io.herald.ingest.webhook;

import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.ingest.signal.SignalIds;
import io.herald.ingest.signal.SignalLog;
import io.herald.ingest.webhook.format.Observation;
import io.herald.ingest.webhook.format.PayloadException;
import io.herald.model.Signal;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.WebhookOptions;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an authenticated delivery into signals: the sender's format reads it, each observation's subject is
 * mapped to a check of the source, and each becomes exactly one signal, appended once per de-duplication key.
 */
@Singleton
public class WebhookService {
    static final int MAX_DETAIL = 2000;
    static final int MAX_KEY = SignalIds.MAX_LENGTH;

    private final SignalLog signals;
    private final Catalog catalog;

    public WebhookService(SignalLog signals, Catalog catalog) {
        this.signals = signals;
        this.catalog = catalog;
    }

    /** What a delivery says, mapped onto checks; fails with 400/422 naming the field the sender got wrong. */
    public Mapped read(WebhookSource source, byte[] body, Map<String, String> headers) {
        List<Observation> observations;
        try {
            observations = source.format().parse(body, headers);
        } catch (PayloadException e) {
            Problem problem = Problem.ofStatus(e.status(), e.getMessage());
            throw new ProblemException(e.status() == 422 ? problem.withField(e.field()) : problem);
        }
        List<Planned> planned = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Observation observation : observations) {
            CheckDef check = source.checkFor(observation.subject()).orElse(null);
            if (check == null) {
                if (source.strictSubject()) {
                    throw ProblemException.unprocessableField("/check", whyNotACheck(source.name(), observation.subject()));
                }
                Log.infof("Webhook source '%s' reported '%s', which maps to no check; ignored (list it under "
                        + "subjects of a webhook check of source %s in the catalog)", source.name(),
                        observation.subject(), source.name());
                ignored.add(observation.subject());
                continue;
            }
            planned.add(new Planned(observation.subject(), signal(source.name(), check, observation),
                    observation.dedupeKey() != null));
        }
        return new Mapped(planned, ignored);
    }

    /** Appends every planned signal in order; the answer lists each, with its stream entry. */
    public Uni<WebhookAccepted> record(Mapped mapped) {
        Uni<List<WebhookAccepted.Recorded>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Planned planned : mapped.signals()) {
            chain = chain.chain(done -> append(planned).map(appended -> {
                done.add(new WebhookAccepted.Recorded(planned.subject(), planned.signal().check(),
                        planned.signal().outcome().wire(), appended.entryId(), appended.duplicate()));
                return done;
            }));
        }
        return chain.map(done -> WebhookAccepted.of(done, mapped.ignored()));
    }

    private Uni<SignalLog.Appended> append(Planned planned) {
        return planned.deduplicated()
                ? signals.appendOnce(planned.signal())
                : signals.append(planned.signal()).map(id -> new SignalLog.Appended(id, false));
    }

    private String whyNotACheck(String source, String id) {
        return catalog.check(id).map(check -> check.options() instanceof WebhookOptions hook
                ? "Check '" + id + "' takes signals from source '" + hook.source() + "', not from '" + source + "'."
                : "Check '" + id + "' is an " + check.type().wire() + " probe run by Herald itself; it does not take "
                        + "webhook signals.")
                .orElse("There is no check '" + id + "' in the catalog." + (id.equals(id.strip()) ? ""
                        : " Check ids have no spaces around them; send the id exactly."));
    }

    private static Signal signal(String source, CheckDef check, Observation observation) {
        String id = observation.dedupeKey() == null ? UUID.randomUUID().toString() : SignalIds.of(observation.dedupeKey());
        String detail = observation.detail().length() > MAX_DETAIL
                ? observation.detail().substring(0, MAX_DETAIL) + "..." : observation.detail();
        return new Signal(id, source, check.id(), observation.outcome(), observation.latencyMs(), detail,
                observation.observedAt());
    }

    /** A signal to append; deduplicated when the sender gave a key its retries repeat. */
    record Planned(String subject, Signal signal, boolean deduplicated) {
    }

    /** The signals a delivery yields and the subjects that mapped to no check. */
    public record Mapped(List<Planned> signals, List<String> ignored) {
    }
}
