package org.dsarflow.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.List;

/**
 * Completes the API contract (/q/openapi) where every operation is alike. Quarkus turns each
 * {@code @RolesAllowed} into a security requirement whose scopes are the roles; here an operation
 * accepts either scheme, names its roles in its description, and refers to the shared problem
 * responses (META-INF/openapi.yaml) for 401, 403 and 500.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiContractFilter implements OASFilter {

    static final String BASIC = "basic";
    static final String OIDC = "oidc";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        List<SecurityRequirement> required = operation.getSecurity();
        if (required == null || required.isEmpty()) {
            operation.setDescription(append(operation.getDescription(), "Open to anyone, without credentials."));
        } else {
            List<String> roles = required.get(0).getSchemes().values().iterator().next();
            operation.setSecurity(List.of(requirement(BASIC, roles), requirement(OIDC, roles)));
            operation.setDescription(append(operation.getDescription(), "Roles: " + String.join(", ", roles) + "."));
            responses.addAPIResponse("401", shared("Unauthorized"));
            responses.addAPIResponse("403", shared("Forbidden"));
        }
        if (!responses.hasAPIResponse("500")) {
            responses.addAPIResponse("500", shared("Internal"));
        }
        return operation;
    }

    private static SecurityRequirement requirement(String scheme, List<String> roles) {
        return OASFactory.createSecurityRequirement().addScheme(scheme, roles);
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse shared(String name) {
        return OASFactory.createAPIResponse().ref(name);
    }

    private static String append(String description, String sentence) {
        return description == null || description.isBlank() ? sentence : description + "\n\n" + sentence;
    }
}
