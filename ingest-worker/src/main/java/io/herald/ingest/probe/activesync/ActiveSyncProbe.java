package io.herald.ingest.probe.activesync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.Conversation;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.ActiveSyncOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code type: activesync}: probes Exchange ActiveSync the way a phone or a load balancer would, with the
 * non-blocking Vert.x WebClient.
 */
@Singleton
public final class ActiveSyncProbe implements CheckProbe {

    static final String ACTIVESYNC_PATH = "/Microsoft-Server-ActiveSync";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;

    public ActiveSyncProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public String type() {
        return "activesync";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        ActiveSyncOptions options = check.options(ActiveSyncOptions.class);
        return probe(new ActiveSyncTarget(URI.create(options.baseUrl()), check.timeout(),
                ActiveSyncMode.valueOf(options.mode().toUpperCase(Locale.ROOT)),
                HealthPage.valueOf(options.healthPage().toUpperCase(Locale.ROOT)), options.user(), options.password(),
                TlsTrust.of(options.trust())));
    }

    public Uni<ProbeResult> probe(ActiveSyncTarget target) {
        return Uni.createFrom().deferred(() -> {
            Conversation conversation = new Conversation(target.host(), target.port(), target.timeout());
            WebClientOptions options = new WebClientOptions()
                    .setConnectTimeout((int) target.timeout().toMillis())
                    .setSsl("https".equals(target.baseUrl().getScheme()))
                    .setVerifyHost(target.trust().verifiesPeer())
                    .setUserAgent("Herald-Probe/1.0");
            target.trust().applyTo(options);
            WebClient client = WebClient.create(vertx, options);
            String url = url(target);
            HttpMethod method = target.mode() == ActiveSyncMode.OPTIONS ? HttpMethod.OPTIONS : HttpMethod.GET;
            conversation.waitingFor("the answer to " + method + " " + url);
            HttpRequest<Buffer> request = client.requestAbs(method, url).timeout(target.timeout().toMillis());
            if (target.mode() == ActiveSyncMode.OPTIONS && target.hasCredentials()) {
                request.basicAuthentication(target.user(), target.password());
            }
            return request.send()
                    .map(response -> switch (target.mode()) {
                        case OPTIONS -> judgeOptions(response, target, conversation);
                        case HEALTHCHECK -> judgeHealthPage(response, url, conversation);
                        case AUTODISCOVER -> judgeAutodiscover(response, target, conversation);
                    })
                    .onFailure().recoverWithItem(conversation::failed)
                    .onTermination().invoke(client::close);
        });
    }

    static String url(ActiveSyncTarget target) {
        return switch (target.mode()) {
            case OPTIONS -> target.base() + ACTIVESYNC_PATH;
            case HEALTHCHECK -> target.base() + target.healthPage().path();
            case AUTODISCOVER -> target.base() + "/autodiscover/autodiscover.json/v1.0/"
                    + URLEncoder.encode(target.user(), StandardCharsets.UTF_8) + "?Protocol=ActiveSync";
        };
    }

    private static ProbeResult judgeOptions(HttpResponse<Buffer> response, ActiveSyncTarget target,
            Conversation conversation) {
        int status = response.statusCode();
        String versions = response.getHeader("MS-ASProtocolVersions");
        String who = target.hasCredentials() ? target.user() : "anonymous";
        return switch (status) {
            case 200 -> versions == null || versions.isBlank()
                    ? conversation.down("ActiveSync answered 200 without MS-ASProtocolVersions")
                    : conversation.up("ActiveSync OK for " + who + ": protocol versions " + versions);
            case 401 -> target.hasCredentials()
                    ? conversation.down("ActiveSync rejected the credentials of " + target.user() + " (401)")
                    : conversation.up("ActiveSync answered 401 without credentials, as a healthy server does");
            case 403 -> conversation.down("user " + who + " not enabled for ActiveSync (403)");
            case 456 -> conversation.down("ActiveSync account " + who + " is blocked (456)");
            case 457 -> conversation.down("ActiveSync password of " + who + " has expired (457)");
            default -> conversation.down("ActiveSync answered " + statusLine(response));
        };
    }

    private static ProbeResult judgeHealthPage(HttpResponse<Buffer> response, String url, Conversation conversation) {
        return response.statusCode() == 200
                ? conversation.up("health page " + url + " answered 200")
                : conversation.down("health page " + url + " answered " + statusLine(response));
    }

    private static ProbeResult judgeAutodiscover(HttpResponse<Buffer> response, ActiveSyncTarget target,
            Conversation conversation) {
        if (response.statusCode() != 200) {
            return conversation.down("autodiscover for " + target.user() + " answered " + statusLine(response));
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.bodyAsString() == null ? "" : response.bodyAsString());
        } catch (IOException e) {
            return conversation.down("autodiscover for " + target.user() + " did not answer JSON");
        }
        if (body == null || !body.isObject()) {
            return conversation.down("autodiscover for " + target.user() + " did not answer a JSON object");
        }
        String protocol = body.path("Protocol").asText("");
        String url = body.path("Url").asText("");
        if (!"ActiveSync".equalsIgnoreCase(protocol)) {
            String error = body.path("ErrorCode").asText("");
            return conversation.down("autodiscover for " + target.user() + " names no ActiveSync protocol"
                    + (error.isEmpty() ? "" : " (ErrorCode " + error + ")"));
        }
        if (url.isBlank()) {
            return conversation.down("autodiscover for " + target.user() + " gives no ActiveSync Url");
        }
        return conversation.up("autodiscover for " + target.user() + " points ActiveSync to " + url);
    }

    private static String statusLine(HttpResponse<Buffer> response) {
        String message = response.statusMessage();
        return response.statusCode() + (message == null || message.isBlank() ? "" : " " + message);
    }
}
