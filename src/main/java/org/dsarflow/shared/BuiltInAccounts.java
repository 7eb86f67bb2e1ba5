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
 * HTTP Basic (and the workbench's form) for the bootstrap accounts dpo, auditor and admin. An account whose
 * password is not configured is disabled, so an empty password can never log in. Any other name is passed on
 * (an empty answer lets the next provider, the named users, try); no named user can take one of these names,
 * so the order in which the two are asked does not matter. Failures are throttled (LoginThrottle) per account
 * name and client address, before either provider checks a password.
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

    /** Whether the name is a bootstrap account's, which no named user may take. */
    public static boolean isReserved(String username) {
        return ACCOUNTS.contains(username);
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
        if (!ACCOUNTS.contains(account)) {
            return Uni.createFrom().nullItem();
        }
        String given = new String(request.getPassword().getPassword());
        String expected = config.accounts().containsKey(account)
                ? config.accounts().get(account).password().filter(p -> !p.isBlank()).orElse(null)
                : null;
        boolean same = sameSecret(given, expected == null ? NO_SECRET : expected);
        if (expected == null || !same) {
            throttle.failed(account, address, true);
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(identity(account));
    }

    /** The client's address, by which failures are also throttled; "unknown" outside HTTP. */
    public static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return http == null || http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().host();
    }

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
