package io.herald.web.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** status-web pointed at a port where nothing listens: status-api has never answered. */
public class NoStatusApiProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("herald.web.api-url", "http://127.0.0.1:18199");
    }
}
