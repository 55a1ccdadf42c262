package org.flexsi.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where the five services answer, and how the console's own session behaves. */
@ConfigMapping(prefix = "flexsi.console")
public interface ConsoleConfig {
    /** Base URL per service name (registration, assessment, payment, certificate, rights-sync). */
    Map<String, String> services();

    /** A payment still PAYING after this long is shown as stuck (payment-service's flexsi.payment.orders.stuck-after). */
    @WithDefault("2m")
    Duration stuckAfter();

    /** A signed-in session ends after this much inactivity (and never outlives its token). */
    @WithDefault("30m")
    Duration idleTimeout();

    /** Adds Secure to the session cookie: on wherever the console is served over HTTPS. */
    @WithDefault("false")
    boolean secureCookie();
}
