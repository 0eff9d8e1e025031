package io.herald.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void shouldDescribeEveryPublicAndOperatorEndpoint() {
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/events:", "/incidents/{id}:", "/maintenance/{id}:", "/history:",
                "/history/{month}:", "/components/{id}:", "/feeds/incidents.atom:", "/feeds/incidents.rss:",
                "/feeds/maintenance.atom:", "/feeds/components/{id}/{kind}.{format}:", "/badges/status.svg:",
                "/badges/components/{id}.svg:", "/embed:", "/admin:", "/admin/login:", "/admin/logout:",
                "/admin/incidents:", "/admin/incidents/{incident}/updates:", "/admin/incidents/{incident}/resolve:",
                "/admin/maintenances:", "/admin/overrides:", "/admin/audit:", "/admin/login/oidc:",
                "/admin/login/oidc/callback:");
    }
}
