package org.dsarflow.shared;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInAccountsTest {

    private final BuiltInAccounts accounts = new BuiltInAccounts(config(Map.of(
            "dpo", Optional.of("s3cret"),
            "auditor", Optional.empty(),
            "admin", Optional.of("  "))));

    @Test
    void theRightPasswordGivesTheRoleOfTheAccount() {
        SecurityIdentity identity = login("dpo", "s3cret");
        assertThat(identity.getPrincipal().getName()).isEqualTo("dpo");
        assertThat(identity.getRoles()).containsExactly("dpo");
    }

    @Test
    void anAccountWithoutAPasswordIsDisabled() {
        assertThatThrownBy(() -> login("auditor", "")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> login("admin", "  ")).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void wrongPasswordsAndUnknownAccountsFail() {
        assertThatThrownBy(() -> login("dpo", "S3cret")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> login("root", "s3cret")).isInstanceOf(AuthenticationFailedException.class);
    }

    private SecurityIdentity login(String user, String password) {
        return accounts.authenticate(
                new UsernamePasswordAuthenticationRequest(user, new PasswordCredential(password.toCharArray())), null)
                .await().indefinitely();
    }

    private static DsarConfig config(Map<String, Optional<String>> passwords) {
        return new DsarConfig() {
            @Override
            public ZoneId timeZone() {
                return ZoneId.of("Europe/London");
            }

            @Override
            public Demo demo() {
                return null;
            }

            @Override
            public Retention retention() {
                return null;
            }

            @Override
            public Mail mail() {
                return null;
            }

            @Override
            public Limits limits() {
                return null;
            }

            @Override
            public Complaints complaints() {
                return null;
            }

            @Override
            public Calendar calendar() {
                return () -> "england-and-wales";
            }

            @Override
            public int dueSoonWorkingDays() {
                return 5;
            }

            @Override
            public String identifierKey() {
                return "a-test-identifier-key-of-32-bytes-or-more";
            }

            @Override
            public Map<String, Account> accounts() {
                return Map.of(
                        "dpo", () -> passwords.get("dpo"),
                        "auditor", () -> passwords.get("auditor"),
                        "admin", () -> passwords.get("admin"));
            }
        };
    }
}
