package org.flexsi.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    /** Sign-in at an OpenID Connect provider instead of a pasted token (off: the local stack's token form). */
    Oidc oidc();

    interface Oidc {
        /** On: operators sign in at the provider (authorization-code flow with PKCE); the token form is gone. */
        @WithDefault("false")
        boolean enabled();

        /** Where the provider's {@code /.well-known/openid-configuration} is, e.g. {@code http://127.0.0.1:8090/idp}. */
        Optional<String> provider();

        /** The console's client id at the provider. */
        @WithDefault("ops-console")
        String clientId();

        /** The console's client secret (from the environment: FLEXSI_CONSOLE_OIDC_CLIENT_SECRET). */
        Optional<String> clientSecret();

        /** The callback URL registered at the provider; by default this console's own /sign-in/oidc/callback as requested. */
        Optional<String> redirectUri();
    }
}
