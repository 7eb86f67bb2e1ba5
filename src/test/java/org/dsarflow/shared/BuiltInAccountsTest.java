package org.dsarflow.shared;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class BuiltInAccountsTest {

    private final DsarConfig config = config(Map.of(
            "dpo", Optional.of("s3cret"),
            "auditor", Optional.empty(),
            "admin", Optional.of("  ")));
    private final List<LoginThrottled> announced = new ArrayList<>();
    private final BuiltInAccounts accounts = new BuiltInAccounts(config, new LoginThrottle(config, recording(announced)));

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

    /**
     * An unknown name is passed on to the named users (the identity provider manager fails a request no
     * provider answers: NamedUsersTest signs in as an unknown user and gets 401).
     */
    @Test
    void wrongPasswordsFailAndUnknownAccountsArePassedOn() {
        assertThatThrownBy(() -> login("dpo", "S3cret")).isInstanceOf(AuthenticationFailedException.class);
        assertThat(login("root", "s3cret")).isNull();
    }

    @Test
    void anAccountNameFailingTenTimesIsRefusedUncheckedWithAGrowingWait() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> login("auditor", "guess")).isInstanceOf(AuthenticationFailedException.class)
                    .hasNoCause();
        }
        Duration first = throttledFor("auditor", "guess");
        Duration second = throttledFor("auditor", "guess");
        assertThat(first).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(second).isGreaterThan(first);
        assertThat(login("dpo", "s3cret").getPrincipal().getName()).as("other accounts are not slowed").isEqualTo("dpo");
        assertThat(announced).as("announced once, for the audit log").containsExactly(new LoginThrottled("auditor"));
    }

    /** An event that keeps what is fired at it, as CDI would hand it to the audit log's observer. */
    private static Event<LoginThrottled> recording(List<LoginThrottled> fired) {
        return new Event<>() {
            @Override
            public void fire(LoginThrottled event) {
                fired.add(event);
            }

            @Override
            public <U extends LoginThrottled> CompletionStage<U> fireAsync(U event) {
                fired.add(event);
                return CompletableFuture.completedFuture(event);
            }

            @Override
            public <U extends LoginThrottled> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
                return fireAsync(event);
            }

            @Override
            public Event<LoginThrottled> select(Annotation... qualifiers) {
                return this;
            }

            @Override
            public <U extends LoginThrottled> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <U extends LoginThrottled> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private Duration throttledFor(String user, String password) {
        Throwable refused = catchThrowable(() -> login(user, password));
        assertThat(refused).isInstanceOf(AuthenticationFailedException.class)
                .hasCauseInstanceOf(LoginThrottledException.class);
        return ((LoginThrottledException) refused.getCause()).retryAfter();
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
            public Audit audit() {
                return null;
            }

            @Override
            public String publicUrl() {
                return "http://localhost:8080";
            }

            @Override
            public Custodian custodian() {
                return null;
            }

            @Override
            public Login login() {
                return new Login() {
                    @Override
                    public int failures() {
                        return 10;
                    }

                    @Override
                    public int addressFailures() {
                        return 100;
                    }

                    @Override
                    public Duration window() {
                        return Duration.ofMinutes(5);
                    }
                };
            }

            @Override
            public Calendar calendar() {
                return new Calendar() {
                    @Override
                    public String region() {
                        return "england-and-wales";
                    }

                    @Override
                    public Duration refresh() {
                        return Duration.ofSeconds(2);
                    }
                };
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
            public java.time.Period repeatWindow() {
                return java.time.Period.ofMonths(12);
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
