package org.dsarflow.web.page;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Set;

/**
 * With the OIDC sign-in on, a page visit without a session goes to the login page, which offers both ways in,
 * rather than straight to the identity provider (whose code flow would answer first). Only the sign-in path
 * itself starts the code flow. With OIDC off, the form login's own challenge answers, as it always has.
 * Authenticates nobody itself.
 */
@ApplicationScoped
public class WorkbenchChallenge implements HttpAuthenticationMechanism {

    private static final ChallengeData LOGIN_PAGE = new ChallengeData(302, HttpHeaderNames.LOCATION, "/");

    private final boolean oidc;

    WorkbenchChallenge(@ConfigProperty(name = "quarkus.oidc.workbench.tenant-enabled", defaultValue = "false")
                       boolean oidc) {
        this.oidc = oidc;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        return oidc && path.startsWith(WorkbenchPaths.ROOT + "/") && !path.equals(WorkbenchPaths.OIDC_LOGIN)
                ? Uni.createFrom().item(LOGIN_PAGE)
                : Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().optional(Optional.empty());
    }

    /** Before the OIDC code flow's challenge and the form login's. */
    @Override
    public int getPriority() {
        return 1500;
    }
}
