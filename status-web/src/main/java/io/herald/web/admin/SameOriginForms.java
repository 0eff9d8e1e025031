package io.herald.web.admin;

import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.web.WebConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a state-changing request to the operators' pages that a browser says came from another site: its Origin
 * (or, when a browser sends none, its Referer) names another scheme, host or port than this page. Checked before
 * the request is matched or its body read, on top of the form's CSRF token and the SameSite=Strict cookie, so that a
 * forged form is refused even where one of those fails (an old browser, a token leaked in a screenshot).
 */
public class SameOriginForms {
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final List<String> allowed;

    SameOriginForms(WebConfig config) {
        this.allowed = config.adminOrigins().orElse(List.of()).stream().map(SameOriginForms::origin)
                .filter(o -> o != null).toList();
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseCrossSite(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!WRITES.contains(request.getMethod()) || path == null
                || !(path.equals("/admin") || path.startsWith("/admin/"))) {
            return;
        }
        if (!sameSite(request.getHeaderString("Origin"), request.getHeaderString("Referer"),
                request.getHeaderString("Host"), allowed)) {
            throw new ProblemException(Problem.of(403, "cross-site-form", "Form sent from another site",
                    "This form was sent from another site, so it was not acted on. Open the operators' page of this "
                            + "status page and send the form from there."));
        }
    }

    /**
     * Whether a request with this Origin and Referer comes from the page at this Host (or an allowed origin). With
     * neither header the browser said nothing (the CSRF token still decides); "null" or an unreadable value is refused.
     */
    static boolean sameSite(String originHeader, String referer, String host, List<String> allowed) {
        String claimed = originHeader != null ? originHeader : referer;
        if (claimed == null) {
            return true;
        }
        String origin = origin(claimed.strip());
        if (origin == null) {
            return false;
        }
        if (allowed.contains(origin)) {
            return true;
        }
        String own = host == null ? null : authority(host.strip().toLowerCase(Locale.ROOT));
        return own != null && own.equals(authority(origin.substring(origin.indexOf("://") + 3)));
    }

    /** scheme://host[:port] of an absolute http(s) URL, lower case, default port left out; null if it is none. */
    static String origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean standard = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** host[:port] of a Host header; the scheme of status-web's own request is not known behind a proxy. */
    private static String authority(String host) {
        return host.isEmpty() ? null : host.endsWith(":80") || host.endsWith(":443")
                ? host.substring(0, host.lastIndexOf(':')) : host;
    }
}
