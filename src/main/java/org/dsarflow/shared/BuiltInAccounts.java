package org.dsarflow.shared;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * HTTP Basic for the accounts dpo, auditor and admin. An account whose password is not configured
 * is disabled, so an empty password can never log in.
 */
@ApplicationScoped
public class BuiltInAccounts implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Set<String> ACCOUNTS = Set.of(Roles.DPO, Roles.AUDITOR, Roles.ADMIN);

    private final DsarConfig config;

    BuiltInAccounts(DsarConfig config) {
        this.config = config;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String account = request.getUsername();
        String given = new String(request.getPassword().getPassword());
        String expected = ACCOUNTS.contains(account) && config.accounts().containsKey(account)
                ? config.accounts().get(account).password().filter(p -> !p.isBlank()).orElse(null)
                : null;
        if (expected == null || !sameSecret(given, expected)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(identity(account));
    }

    /** Compares digests in constant time, so response timing says nothing about the password. */
    /** The account's identity: its name is its one role. */
    static SecurityIdentity identity(String account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account))
                .addRole(account)
                .build();
    }

    /** Whether the account exists and has a password configured: a disabled account keeps no session. */
    boolean enabled(String account) {
        return ACCOUNTS.contains(account) && config.accounts().containsKey(account)
                && config.accounts().get(account).password().filter(p -> !p.isBlank()).isPresent();
    }

    private static boolean sameSecret(String given, String expected) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] a = sha256.digest(given.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha256.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
