package io.herald.api.admin;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares the bearer scheme the admin API documents. */
@OpenAPIDefinition(info = @Info(title = "Herald status-api", version = "1"))
@SecurityScheme(securitySchemeName = AdminApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (POST /api/v1/admin/tokens) or an operator session token "
                + "(POST /api/v1/auth/sessions)")
public class AdminApi extends Application {
    public static final String BEARER = "bearer";
}
