package org.dsarflow.shared;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * HTTP Basic for the accounts dpo, auditor and admin. An account whose password is not configured
 * is disabled, so an empty password can never log in. Failures are throttled (LoginThrottle) per account
 * name and client address; an unknown name is hashed and compared like a known one.
 */
@ApplicationScoped
public class BuiltInAccounts implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Set<String> ACCOUNTS = Set.of(Roles.DPO, Roles.AUDITOR, Roles.ADMIN);

    /** Compared against when the account is unknown or disabled, so that costs what a known account costs. */
    private static final String NO_SECRET = "no-account-has-this-password-" + UUID.randomUUID();

    private final DsarConfig config;
    private final LoginThrottle throttle;

    BuiltInAccounts(DsarConfig config, LoginThrottle throttle) {
        this.config = config;
        this.throttle = throttle;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String account = request.getUsername();
        String address = clientAddress(request);
        Optional<Duration> wait = throttle.refusal(account, address);
        if (wait.isPresent()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(new LoginThrottledException(wait.get())));
        }
        String given = new String(request.getPassword().getPassword());
        boolean known = ACCOUNTS.contains(account);
        String expected = known && config.accounts().containsKey(account)
                ? config.accounts().get(account).password().filter(p -> !p.isBlank()).orElse(null)
                : null;
        boolean same = sameSecret(given, expected == null ? NO_SECRET : expected);
        if (expected == null || !same) {
            throttle.failed(account, address, known);
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account))
                .addRole(account)
                .build());
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return http == null || http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().host();
    }

    /** Compares digests in constant time, so response timing says nothing about the password. */
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
