package org.dsarflow.web;

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

import java.util.Optional;
import java.util.Set;

/**
 * The API's answer to a call without credentials: 401 with a Basic challenge. With the workbench's form
 * login enabled, Quarkus keeps Basic silent and would send an API client to the login page; this asks
 * first, for /api only, and authenticates nobody itself (Basic, the session cookie and OIDC still do).
 */
@ApplicationScoped
public class ApiChallenge implements HttpAuthenticationMechanism {

    private static final String API = "/api/";
    private static final ChallengeData BASIC = new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE,
            "basic realm=\"dsarflow\"");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return context.normalizedPath().startsWith(API)
                ? Uni.createFrom().item(BASIC)
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

    /** Before the form login's challenge (Quarkus' default priority is 1000). */
    @Override
    public int getPriority() {
        return 1500;
    }
}
