package org.flexsi.rightssync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the agencies (the simulators locally) are, and where they call this service back. */
public interface Endpoints {

    @ConfigMapping(prefix = "flexsi.simulators")
    interface Simulators {
        /** FLEXSI_SIMULATORS_URL: base URL of the pension and medical systems. */
        @WithDefault("http://127.0.0.1:8090")
        String url();
    }

    @ConfigMapping(prefix = "flexsi.self")
    interface Self {
        /** FLEXSI_SELF_URL: this service's own base URL, for the agencies' callbacks. */
        @WithDefault("http://127.0.0.1:8085")
        String url();
    }

    /** FLEXSI_SECRET_PENSION / FLEXSI_SECRET_MEDICAL: HMAC secrets shared with each agency; no default in production. */
    @ConfigMapping(prefix = "flexsi.secret")
    interface Secrets {
        String pension();

        String medical();
    }
}
