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
import org.dsarflow.shared.LoginThrottle;

/**
 * HTTP Basic (and the workbench's form) for named users: the principal is the user name, so the audit
 * trail and the engine name the person; the role is the user's role. A disabled user cannot sign in.
 * The bootstrap accounts' names are passed on (an empty answer lets the next provider try): no named user
 * can take one. Failures count towards the same throttle as the bootstrap accounts', which refuses a
 * throttled name before this provider is asked.
 */
@ApplicationScoped
public class NamedUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserService users;
    private final LoginThrottle throttle;

    NamedUsers(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
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
        String address = BuiltInAccounts.clientAddress(request);
        return context.runBlocking(() -> {
            UserService.SignIn signIn = users.authenticate(username, password);
            if (signIn.user().isEmpty()) {
                // Only a named user's own name is audited when throttled: an unknown name may be anything typed.
                throttle.failed(username, address, signIn.known());
                throw new AuthenticationFailedException();
            }
            UserView user = signIn.user().get();
            return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.username()))
                    .addRole(user.role())
                    .addAttribute("displayName", user.displayName())
                    .build();
        });
    }
}
