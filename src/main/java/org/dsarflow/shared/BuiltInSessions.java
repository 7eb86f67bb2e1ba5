package org.dsarflow.shared;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The workbench's logged-in sessions: the form login's encrypted cookie names a built-in account, which
 * is trusted as long as the account is still enabled. Its role is the account's, as for HTTP Basic.
 */
@ApplicationScoped
public class BuiltInSessions implements IdentityProvider<TrustedAuthenticationRequest> {

    private final BuiltInAccounts accounts;

    BuiltInSessions(BuiltInAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String account = request.getPrincipal();
        return accounts.enabled(account)
                ? Uni.createFrom().item(BuiltInAccounts.identity(account))
                : Uni.createFrom().failure(new AuthenticationFailedException());
    }
}
