package org.dsarflow.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The bench's endpoints, as plain HTTP routes added only when the bench profile is active: no JAX-RS
 * resource, so neither the API contract nor any other profile has them. No login, like a bare endpoint;
 * bench/run binds the service to 127.0.0.1.
 */
@ApplicationScoped
public class BenchRoutes {

    private final BenchService bench;

    BenchRoutes(BenchService bench) {
        this.bench = bench;
    }

    void routes(@Observes Router router) {
        if (!BenchProfile.active()) {
            return;
        }
        router.route(HttpMethod.POST, "/bench/row").blockingHandler(context -> answer(context, bench::insertRow));
        router.route(HttpMethod.POST, "/bench/floor").blockingHandler(context -> answer(context, bench::startFloor));
        router.route(HttpMethod.GET, "/bench/counters").blockingHandler(context -> {
            BenchService.Counters counters = bench.counters();
            context.response().putHeader("Content-Type", "application/json")
                    .end("{\"transactions\":" + counters.transactions() + ",\"statements\":" + counters.statements() + "}");
        });
    }

    private static void answer(RoutingContext context, Runnable call) {
        call.run();
        context.response().setStatusCode(204).end();
    }
}
