package org.flexsi.simulators;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flexsi.simulators.agency.Agencies;
import org.flexsi.simulators.agency.AgencyRoutes;
import org.flexsi.simulators.bank.BankRoutes;
import org.flexsi.simulators.bank.Banks;
import org.flexsi.simulators.callback.CallbackAttempt;
import org.flexsi.simulators.callback.CallbackSender;
import org.flexsi.simulators.callback.RetryPolicy;
import org.flexsi.simulators.fault.FaultRoutes;
import org.flexsi.simulators.fault.Faults;
import org.flexsi.simulators.http.PartyGuard;
import org.flexsi.simulators.idp.IdentityProviderRoutes;
import org.flexsi.simulators.http.Response;
import org.flexsi.simulators.http.Router;
import org.flexsi.simulators.provider.PaymentProviders;
import org.flexsi.simulators.provider.ProviderRoutes;

/**
 * All outside parties of flexsi in one HTTP server. Embedded in tests with
 * {@code try (Simulators sims = Simulators.start(cfg)) { ... }}; run as a process by {@link SimulatorsMain}.
 */
public final class Simulators implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Simulators.class.getName());
    private static final int REQUEST_THREADS = 16;
    private static final int REQUEST_QUEUE = 1_000;

    private final HttpServer server;
    private final ThreadPoolExecutor requestExecutor;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpClientExecutor;
    private final Faults faults = new Faults();
    private final CallbackSender callbacks;
    private final PaymentProviders providers;
    private final Agencies agencies;
    private final Banks banks;
    private final String baseUrl;

    private Simulators(SimulatorsConfig config) throws IOException {
        Map<Party, String> secrets = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            secrets.put(party, config.secret(party));
        }
        server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        baseUrl = "http://" + config.host() + ":" + server.getAddress().getPort();
        // a full queue makes the dispatcher thread serve the request itself: back-pressure, never a dropped request
        requestExecutor = new ThreadPoolExecutor(REQUEST_THREADS, REQUEST_THREADS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(REQUEST_QUEUE), threads("sim-http"), new ThreadPoolExecutor.CallerRunsPolicy());
        scheduler = Executors.newScheduledThreadPool(2, threads("sim-scheduler"));
        httpClientExecutor = Executors.newFixedThreadPool(2, threads("sim-callback-client"));

        callbacks = new CallbackSender(secrets, faults,
                new RetryPolicy(config.callbackInitialDelay(), config.callbackMaxDelay(), config.callbackMaxAttempts()),
                scheduler, httpClientExecutor);
        providers = new PaymentProviders(callbacks, faults);
        agencies = new Agencies(faults, callbacks, scheduler, config.confirmationDelay());

        banks = new Banks(config.bankSecrets().keySet());

        PartyGuard guard = new PartyGuard(faults, secrets, config.bankSecrets());
        Router router = new Router()
                .on("GET", "/health", request -> Response.json(200, Map.of("status", "UP")));
        new ProviderRoutes(providers, guard, baseUrl).register(router);
        new AgencyRoutes(agencies, guard).register(router);
        new BankRoutes(banks, guard).register(router);
        new FaultRoutes(faults, banks.ids()).register(router);
        new IdentityProviderRoutes(config.tokenKeySet(), config.tokenSigningKey(), config.idpClients(), baseUrl).register(router);
        server.createContext("/", router);
        server.setExecutor(requestExecutor);
    }

    public static Simulators start(SimulatorsConfig config) {
        try {
            Simulators simulators = new Simulators(config);
            simulators.server.start();
            LOG.log(Level.INFO, "simulators listening on " + simulators.baseUrl);
            return simulators;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind simulators to " + config.host() + ":" + config.port(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** WeChat Pay, Alipay and UnionPay: their orders, and {@code pay(...)} to play the payer. */
    public PaymentProviders providers() {
        return providers;
    }

    /** The pension and medical systems and the rights records they hold. */
    public Agencies agencies() {
        return agencies;
    }

    /** The configured banks: account outcomes, transfers and statements. */
    public Banks banks() {
        return banks;
    }

    /** Inject, list and clear faults, as {@code /sim/faults} does over HTTP. */
    public Faults faults() {
        return faults;
    }

    /** Recent callback attempts of all parties, oldest first, including dropped and injected failures. */
    public List<CallbackAttempt> callbackAttempts() {
        return callbacks.attempts();
    }

    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        requestExecutor.shutdownNow();
        httpClientExecutor.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
            requestExecutor.awaitTermination(2, TimeUnit.SECONDS);
            httpClientExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(Level.INFO, "simulators on " + baseUrl + " stopped");
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
