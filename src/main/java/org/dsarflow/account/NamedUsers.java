package org.dsarflow.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.shared.BuiltInAccounts;

/**
 * HTTP Basic (and the workbench's form) for named users: the principal is the user name, so the audit
 * trail and the engine name the person; the role is the user's role. A disabled user cannot sign in.
 * The bootstrap accounts' names are passed on (an empty answer lets the next provider try): no named user
 * can take one.
 */
@ApplicationScoped
public class NamedUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserService users;

    NamedUsers(UserService users) {
        this.users = users;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        if (BuiltInAccounts.isReserved(username)) {
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> users.authenticate(username, password)
                .map(user -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user.username()))
                        .addRole(user.role())
                        .addAttribute("displayName", user.displayName())
                        .build())
                .orElseThrow(AuthenticationFailedException::new));
    }
}
