package org.dsarflow.notification;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Whether the mail server accepts a connection, as information only (/q/health/well, and in /q/health):
 * always UP, with {@code reachable} as data. An unreachable server must not take the service out of
 * rotation: emails wait in their retries, and raise an incident after the last one.
 */
@Wellness
@ApplicationScoped
public class MailServerCheck implements HealthCheck {

    static final String NAME = "Mail server";
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final String host;
    private final int port;
    private final boolean mock;

    MailServerCheck(@ConfigProperty(name = "quarkus.mailer.host") String host,
                    @ConfigProperty(name = "quarkus.mailer.port") int port,
                    @ConfigProperty(name = "quarkus.mailer.mock") Optional<Boolean> mock) {
        this.host = host;
        this.port = port;
        // Quarkus mocks the mailer in dev and test unless told otherwise.
        this.mock = mock.orElse(LaunchMode.current().isDevOrTest());
    }

    @Override
    public HealthCheckResponse call() {
        if (mock) {
            return HealthCheckResponse.named(NAME).up().withData("mailer", "mock: emails are logged, not sent").build();
        }
        return HealthCheckResponse.named(NAME).up()
                .withData("server", host + ":" + port)
                .withData("reachable", reachable())
                .build();
    }

    private boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
